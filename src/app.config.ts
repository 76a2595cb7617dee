export default defineAppConfig({
  pages: ['pages/index/index'],
  subPackages: [],
  window: {
    navigationBarTitleText: '万州办电',
    navigationBarBackgroundColor: '#0b5cab',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f3f5f8',
    backgroundTextStyle: 'dark',
  },
  ...(process.env.TARO_ENV === 'h5' ? { animation: false } : {}),
})
