// Hand-written CommonJS stand-in for @tarojs/taro under Jest: synchronous storage in a Map,
// and recorders for the platform calls the code makes.
const storage = new Map()
const calls = []
const record = (name) => (arg) => { calls.push({ name, arg }); return Promise.resolve({}) }

const Taro = {
  getEnv: () => 'WEB',
  ENV_TYPE: { WEAPP: 'WEAPP', WEB: 'WEB' },
  getStorageSync: (k) => (storage.has(k) ? storage.get(k) : ''),
  setStorageSync: (k, v) => { storage.set(k, v) },
  removeStorageSync: (k) => { storage.delete(k) },
  clearStorageSync: () => storage.clear(),
  navigateTo: record('navigateTo'),
  redirectTo: record('redirectTo'),
  navigateBack: record('navigateBack'),
  switchTab: record('switchTab'),
  reLaunch: record('reLaunch'),
  showToast: record('showToast'),
  showModal: record('showModal'),
  stopPullDownRefresh: record('stopPullDownRefresh'),
  pageScrollTo: record('pageScrollTo'),
  login: () => Promise.resolve({ code: 'jest-login-code' }),
  getSystemInfoSync: () => ({ fontSizeSetting: 16, platform: 'devtools' }),
  canIUse: () => true,
  requirePrivacyAuthorize: () => Promise.resolve({}),
  useDidShow: () => undefined,
  useDidHide: () => undefined,
  usePullDownRefresh: () => undefined,
  useRouter: () => ({ params: {} }),
  __storage: storage,
  __calls: calls,
}
module.exports = Taro
module.exports.default = Taro
Object.assign(module.exports, Taro)
