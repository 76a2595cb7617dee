export default definePageConfig({ navigationBarTitleText: '好差评' })
