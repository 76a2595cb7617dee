export default definePageConfig({ navigationBarTitleText: '证照材料' })
