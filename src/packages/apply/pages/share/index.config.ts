export default definePageConfig({ navigationBarTitleText: '信息共享授权' })
