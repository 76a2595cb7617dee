export default definePageConfig({ navigationBarTitleText: '办电用时公示' })
