export default definePageConfig({ navigationBarTitleText: '合同签署' });
