/**
 * The wx APIs the fake service thread offers, each with the base library version that introduced it (WeChat's
 * API reference, "基础库 x.y.z 开始支持"). At an older base library an API is absent from `wx` and
 * `wx.canIUse` says false, as on a real phone.
 */
export const API_SINCE: Record<string, string> = {
  request: '1.0.0', uploadFile: '1.0.0', downloadFile: '1.0.0', login: '1.0.0', checkSession: '1.0.0',
  getStorageSync: '1.0.0', setStorageSync: '1.0.0', removeStorageSync: '1.0.0', clearStorageSync: '1.0.0',
  getStorage: '1.0.0', setStorage: '1.0.0', removeStorage: '1.0.0', getStorageInfoSync: '1.0.0',
  navigateTo: '1.0.0', redirectTo: '1.0.0', navigateBack: '1.0.0', switchTab: '1.0.0', reLaunch: '1.1.0',
  showToast: '1.0.0', hideToast: '1.0.0', showLoading: '1.1.0', hideLoading: '1.1.0', showModal: '1.0.0',
  showActionSheet: '1.0.0', setNavigationBarTitle: '1.0.0', stopPullDownRefresh: '1.0.0', startPullDownRefresh: '1.5.0',
  pageScrollTo: '1.4.0', getSystemInfoSync: '1.0.0', getSystemInfo: '1.0.0', canIUse: '1.1.0',
  chooseImage: '1.0.0', chooseLocation: '1.0.0', chooseMessageFile: '2.5.0', previewImage: '1.0.0', scanCode: '1.0.0', makePhoneCall: '1.0.0', openDocument: '1.0.0',
  setClipboardData: '1.1.0', getClipboardData: '1.1.0', getNetworkType: '1.0.0', onNetworkStatusChange: '1.1.0',
  createSelectorQuery: '1.4.0', createIntersectionObserver: '1.9.3', getMenuButtonBoundingClientRect: '2.1.0',
  onAppShow: '2.1.2', onAppHide: '2.1.2', offAppShow: '2.1.2', offAppHide: '2.1.2', onError: '2.1.2',
  onPageNotFound: '2.1.2', getLaunchOptionsSync: '2.1.2', nextTick: '2.2.3', getAccountInfoSync: '2.2.2',
  getUpdateManager: '1.9.90', reportAnalytics: '1.0.0', vibrateShort: '1.2.0', onMemoryWarning: '2.0.2',
  requestSubscribeMessage: '2.4.4', getEnterOptionsSync: '2.9.4', chooseMedia: '2.10.0',
  onUnhandledRejection: '2.10.0', offUnhandledRejection: '2.10.0',
  getAppBaseInfo: '2.20.1', getWindowInfo: '2.20.1', getDeviceInfo: '2.20.1', getSystemSetting: '2.20.1',
  getAppAuthorizeSetting: '2.20.1',
  requirePrivacyAuthorize: '2.32.3', getPrivacySetting: '2.32.3', onNeedPrivacyAuthorization: '2.32.3',
  openPrivacyContract: '2.32.3',
}

/** The newest base library the fake plays when no older one is asked for (a current phone). */
export const CURRENT_BASE_LIBRARY = '3.8.0'

/** -1, 0 or 1 as version a is older than, equal to or newer than b ("2.20.1" style). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number)
  const pb = b.split('.').map(Number)
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0)
    if (d) return d < 0 ? -1 : 1
  }
  return 0
}

/** Whether `api` exists at base library `version`; an API not in the table is unknown, so false. */
export function supports(version: string, api: string): boolean {
  const since = API_SINCE[api]
  return since !== undefined && compareVersions(version, since) >= 0
}

/** The APIs a phone at `version` lacks, for the report. */
export function missingAt(version: string): string[] {
  return Object.keys(API_SINCE).filter((api) => !supports(version, api))
}
