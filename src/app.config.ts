export default defineAppConfig({
  pages: ['pages/index/index'],
  subPackages: [
    {
      root: 'packages/account',
      pages: ['pages/login/index', 'pages/ykb-callback/index', 'pages/consent/index', 'pages/ykb-webview/index'],
    },
    {
      root: 'packages/apply',
      pages: [
        'pages/service/index', 'pages/applicant/index', 'pages/address/index', 'pages/load/index', 'pages/joint/index',
        'pages/licences/index', 'pages/share/index', 'pages/check/index', 'pages/result/index',
      ],
    },
    {
      root: 'packages/track',
      pages: ['pages/list/index', 'pages/detail/index', 'pages/lookup/index', 'pages/rate/index', 'pages/invitations/index'],
    },
    {
      root: 'packages/staff',
      pages: ['pages/login/index', 'pages/search/index', 'pages/case/index', 'pages/dashboard/index', 'pages/report/index', 'pages/lockouts/index', 'pages/monthly-report/index', 'pages/leads/index'],
    },
    {
      root: 'packages/public',
      pages: ['pages/times/index'],
    },
    {
      root: 'packages/oversight',
      pages: ['pages/month/index', 'pages/print/index'],
    },
  ],
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['packages/apply'] },
  },
  window: {
    navigationBarTitleText: '万州办电',
    navigationBarBackgroundColor: '#0b5cab',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f3f5f8',
    backgroundTextStyle: 'dark',
  },
  __usePrivacyCheck__: true,
  ...(process.env.TARO_ENV === 'h5' ? { animation: false } : {}),
})
