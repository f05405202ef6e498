export default definePageConfig({ navigationBarTitleText: '合同存档' });
