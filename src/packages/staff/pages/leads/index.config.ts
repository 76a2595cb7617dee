export default definePageConfig({ navigationBarTitleText: '主动服务' })
