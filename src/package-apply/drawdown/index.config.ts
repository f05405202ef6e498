export default definePageConfig({ navigationBarTitleText: '支用' });
