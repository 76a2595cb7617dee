export default definePageConfig({ navigationBarTitleText: '登录锁定' })
