export default definePageConfig({ navigationBarTitleText: '投诉与人工服务' });
