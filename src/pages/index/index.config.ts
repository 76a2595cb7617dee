export default definePageConfig({
  navigationBarTitleText: '万州办电',
  enablePullDownRefresh: true,
})
