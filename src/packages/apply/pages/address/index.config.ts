export default definePageConfig({ navigationBarTitleText: '用电地址' })
