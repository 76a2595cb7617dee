export default definePageConfig({ navigationBarTitleText: '签署合同' })
