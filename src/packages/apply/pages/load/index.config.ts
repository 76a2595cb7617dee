export default definePageConfig({ navigationBarTitleText: '用电需求' })
