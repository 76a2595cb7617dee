export default definePageConfig({ navigationBarTitleText: '申请查询', enablePullDownRefresh: true })
