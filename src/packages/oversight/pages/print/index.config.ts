export default definePageConfig({ navigationBarTitleText: '月度监督（打印版）' })
