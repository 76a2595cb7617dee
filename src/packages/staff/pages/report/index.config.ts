export default definePageConfig({ navigationBarTitleText: '月报（打印版）' })
