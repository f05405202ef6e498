export default definePageConfig({ navigationBarTitleText: '延期与续贷' });
