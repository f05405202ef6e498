export default definePageConfig({ navigationBarTitleText: '数据授权' });
