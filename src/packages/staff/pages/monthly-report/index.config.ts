export default definePageConfig({ navigationBarTitleText: '按月报送' })
