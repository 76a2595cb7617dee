export default definePageConfig({ navigationBarTitleText: '渝快办授权' })
