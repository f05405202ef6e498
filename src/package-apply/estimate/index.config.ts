export default definePageConfig({ navigationBarTitleText: '测额' });
