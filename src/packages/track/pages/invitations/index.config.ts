export default definePageConfig({ navigationBarTitleText: '供电企业主动服务邀请' })
