export default definePageConfig({ navigationBarTitleText: '同时办理' })
