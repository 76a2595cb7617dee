export default definePageConfig({ navigationBarTitleText: '月度监督' })
