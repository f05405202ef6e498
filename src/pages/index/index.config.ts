export default definePageConfig({ navigationBarTitleText: '零接' });
