import { supports, compareVersions } from './base-library'

/** What the fake `wx` needs from the service thread that hosts it. */
export interface WxHost {
  /** the base library this phone runs */
  version: string
  /** the user's WeChat font size in px (16 is the default; elder users pick up to 28) */
  fontSizeSetting: number
  /** the mock server's origin; the app's built-in API base (127.0.0.1:3000) is sent here */
  serverUrl: string
  storage: Map<string, unknown>
  /** runs a callback into app code later, as WeChat does (errors are caught and recorded) */
  later: (fn: () => void) => void
  /** registers an in-flight request, so the thread can wait for the network to go quiet */
  track: (p: Promise<unknown>) => void
  /** page routing; returns an errMsg on failure */
  route: (kind: 'navigateTo' | 'redirectTo' | 'reLaunch' | 'switchTab', url: string) => string | null
  back: (delta: number) => string | null
  /** toasts, modals and other things the user would see outside the page */
  shown: string[]
  /** wx APIs the app called that this fake answers with a failure (no camera, no location here) */
  unavailable: string[]
}

/** The app's built-in weapp API base (src/lib/http/api-base.ts); requests to it go to the test's server. */
const APP_API_BASE = 'http://127.0.0.1:3000'
/** what `shown` records when the page ends the pull-down spinner */
export const PULL_DOWN_STOPPED = 'pull-down refresh stopped'
/** WeChat's limit for one storage key */
const STORAGE_ITEM_LIMIT = 1024 * 1024

type Options = Record<string, unknown> & {
  success?: (res: unknown) => void
  fail?: (err: unknown) => void
  complete?: (res: unknown) => void
}

export const toServer = (url: string, serverUrl: string): string =>
  url.startsWith(APP_API_BASE) ? serverUrl + url.slice(APP_API_BASE.length) : url

function systemInfo(version: string, fontSizeSetting: number) {
  return {
    SDKVersion: version, version: '8.0.50', language: 'zh_CN', platform: 'android', system: 'Android 13',
    brand: 'devtools', model: 'phone', pixelRatio: 3, screenWidth: 390, screenHeight: 844, windowWidth: 390,
    windowHeight: 755, statusBarHeight: 24, fontSizeSetting, theme: 'light', enableDebug: false,
    safeArea: { top: 24, left: 0, right: 390, bottom: 844, width: 390, height: 820 },
  }
}

/**
 * A fake `wx` for a phone at base library `host.version`: APIs newer than it are absent and canIUse says so.
 * Asynchronous APIs call back later (never synchronously, as WeChat), and return a promise when called without
 * callbacks on base libraries that do that (2.10.2+).
 */
export function createWx(host: WxHost): Record<string, unknown> {
  const settle = (name: string, opts: Options | undefined, work: Promise<unknown>) => {
    const o = opts ?? {}
    const outcome = work.then(
      (res) => ({ ok: true, res: { errMsg: `${name}:ok`, ...(res as object) } }),
      (e: unknown) => ({ ok: false, res: { errMsg: `${name}:fail ${e instanceof Error ? e.message : String(e)}` } }),
    )
    host.track(outcome)
    const promised = !o.success && !o.fail && !o.complete && compareVersions(host.version, '2.10.2') >= 0
    return outcome.then(({ ok, res }) => new Promise((resolve, reject) => host.later(() => {
      if (ok) o.success?.(res)
      else o.fail?.(res)
      o.complete?.(res)
      if (!promised) return resolve(undefined)
      if (ok) resolve(res)
      else reject(res)
    })))
  }
  const api = (name: string, work: (o: Options) => Promise<unknown>) => (o?: Options) => {
    const p = settle(name, o, Promise.resolve().then(() => work(o ?? {})))
    return compareVersions(host.version, '2.10.2') >= 0 && !o?.success && !o?.fail && !o?.complete ? p : undefined
  }
  const refuse = (name: string) => api(name, async () => {
    host.unavailable.push(name)
    throw new Error('not available in the test runtime')
  })
  const routeApi = (kind: 'navigateTo' | 'redirectTo' | 'reLaunch' | 'switchTab') => api(kind, async (o) => {
    const problem = host.route(kind, String(o.url ?? ''))
    if (problem) throw new Error(problem)
    return {}
  })

  const request = (o: Options) => {
    const controller = new AbortController()
    const method = String(o.method ?? 'GET').toUpperCase()
    let url = toServer(String(o.url), host.serverUrl)
    const headers: Record<string, string> = { ...(o.header as Record<string, string> | undefined) }
    let body: string | undefined
    if (o.data !== undefined && o.data !== null) {
      if (method === 'GET') {
        if (typeof o.data === 'object') {
          const q = new URLSearchParams(Object.entries(o.data as Record<string, unknown>).map(([k, v]) => [k, String(v)])).toString()
          if (q) url += (url.includes('?') ? '&' : '?') + q
        }
      } else {
        body = typeof o.data === 'string' ? o.data : JSON.stringify(o.data)
        if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json'
      }
    }
    const timeout = AbortSignal.timeout(Number(o.timeout ?? 60_000))
    const work = (async () => {
      const res = await fetch(url, { method, headers, body, signal: AbortSignal.any([controller.signal, timeout]) })
      const text = await res.text()
      let data: unknown = text
      if ((o.dataType ?? 'json') === 'json') { try { data = JSON.parse(text) } catch { /* WeChat hands over the text */ } }
      return { data, statusCode: res.status, header: Object.fromEntries(res.headers.entries()), cookies: [] }
    })()
    const promise = settle('request', o, work)
    void promise.catch(() => undefined)
    return { abort: () => controller.abort(), onHeadersReceived: () => undefined, offHeadersReceived: () => undefined }
  }

  const setStorage = (key: string, value: unknown) => {
    const stored = typeof value === 'string' ? value : JSON.parse(JSON.stringify(value ?? null))
    if (JSON.stringify(stored).length > STORAGE_ITEM_LIMIT) throw new Error(`setStorageSync:fail ${key} exceeds 1 MB`)
    host.storage.set(key, stored)
  }
  const getStorage = (key: string) => (host.storage.has(key) ? host.storage.get(key) : '')

  const full: Record<string, unknown> = {
    request,
    uploadFile: refuse('uploadFile'),
    downloadFile: refuse('downloadFile'),
    login: api('login', async () => ({ code: `wx-code-${Math.random().toString(36).slice(2, 10)}` })),
    checkSession: api('checkSession', async () => ({})),
    getStorageSync: (key: string) => getStorage(key),
    setStorageSync: (key: string, value: unknown) => setStorage(key, value),
    removeStorageSync: (key: string) => { host.storage.delete(key) },
    clearStorageSync: () => host.storage.clear(),
    getStorage: api('getStorage', async (o) => {
      if (!host.storage.has(String(o.key))) throw new Error('data not found')
      return { data: getStorage(String(o.key)) }
    }),
    setStorage: api('setStorage', async (o) => { setStorage(String(o.key), o.data); return {} }),
    removeStorage: api('removeStorage', async (o) => { host.storage.delete(String(o.key)); return {} }),
    getStorageInfoSync: () => ({ keys: [...host.storage.keys()], currentSize: 0, limitSize: 10240 }),
    navigateTo: routeApi('navigateTo'),
    redirectTo: routeApi('redirectTo'),
    reLaunch: routeApi('reLaunch'),
    switchTab: routeApi('switchTab'),
    navigateBack: api('navigateBack', async (o) => {
      const problem = host.back(Number(o.delta ?? 1))
      if (problem) throw new Error(problem)
      return {}
    }),
    showToast: api('showToast', async (o) => { host.shown.push(`toast: ${String(o.title)}`); return {} }),
    hideToast: api('hideToast', async () => ({})),
    showLoading: api('showLoading', async (o) => { host.shown.push(`loading: ${String(o.title)}`); return {} }),
    hideLoading: api('hideLoading', async () => ({})),
    showModal: api('showModal', async (o) => {
      host.shown.push(`modal: ${String(o.title ?? '')} ${String(o.content ?? '')}`.trim())
      return { confirm: true, cancel: false }
    }),
    showActionSheet: api('showActionSheet', async (o) => {
      host.shown.push(`action sheet: ${(o.itemList as string[]).join(' / ')}`)
      return { tapIndex: 0 }
    }),
    setNavigationBarTitle: api('setNavigationBarTitle', async () => ({})),
    stopPullDownRefresh: api('stopPullDownRefresh', async () => { host.shown.push(PULL_DOWN_STOPPED); return {} }),
    startPullDownRefresh: api('startPullDownRefresh', async () => ({})),
    pageScrollTo: api('pageScrollTo', async () => ({})),
    getSystemInfoSync: () => systemInfo(host.version, host.fontSizeSetting),
    getSystemInfo: api('getSystemInfo', async () => systemInfo(host.version, host.fontSizeSetting)),
    getAppBaseInfo: () => {
      const s = systemInfo(host.version, host.fontSizeSetting)
      return { SDKVersion: s.SDKVersion, version: s.version, language: s.language, theme: s.theme, fontSizeSetting: s.fontSizeSetting, enableDebug: false }
    },
    getWindowInfo: () => {
      const s = systemInfo(host.version, host.fontSizeSetting)
      return { pixelRatio: s.pixelRatio, screenWidth: s.screenWidth, screenHeight: s.screenHeight, windowWidth: s.windowWidth, windowHeight: s.windowHeight, statusBarHeight: s.statusBarHeight, safeArea: s.safeArea }
    },
    getDeviceInfo: () => ({ brand: 'devtools', model: 'phone', system: 'Android 13', platform: 'android', benchmarkLevel: 30 }),
    getSystemSetting: () => ({ bluetoothEnabled: false, locationEnabled: false, wifiEnabled: true, deviceOrientation: 'portrait' }),
    getAppAuthorizeSetting: () => ({ albumAuthorized: 'not determined', cameraAuthorized: 'not determined', locationAuthorized: 'not determined' }),
    canIUse: (schema: string) => supports(host.version, String(schema).split('.')[0]),
    chooseImage: refuse('chooseImage'),
    chooseMedia: refuse('chooseMedia'),
    chooseMessageFile: refuse('chooseMessageFile'),
    chooseLocation: refuse('chooseLocation'),
    previewImage: api('previewImage', async () => ({})),
    scanCode: refuse('scanCode'),
    makePhoneCall: api('makePhoneCall', async (o) => { host.shown.push(`call: ${String(o.phoneNumber)}`); return {} }),
    openDocument: refuse('openDocument'),
    setClipboardData: api('setClipboardData', async (o) => { host.shown.push(`clipboard: ${String(o.data)}`); return {} }),
    getClipboardData: api('getClipboardData', async () => ({ data: '' })),
    getNetworkType: api('getNetworkType', async () => ({ networkType: 'wifi' })),
    onNetworkStatusChange: () => undefined,
    createSelectorQuery: () => selectorQuery(host),
    createIntersectionObserver: () => ({ relativeToViewport: function () { return this }, observe: () => undefined, disconnect: () => undefined }),
    getMenuButtonBoundingClientRect: () => ({ width: 87, height: 32, top: 28, right: 380, bottom: 60, left: 293 }),
    onAppShow: () => undefined, onAppHide: () => undefined, offAppShow: () => undefined, offAppHide: () => undefined,
    onError: () => undefined, onPageNotFound: () => undefined, onMemoryWarning: () => undefined,
    onUnhandledRejection: () => undefined, offUnhandledRejection: () => undefined,
    getLaunchOptionsSync: () => ({ path: 'pages/index/index', query: {}, scene: 1001, referrerInfo: {} }),
    getEnterOptionsSync: () => ({ path: 'pages/index/index', query: {}, scene: 1001, referrerInfo: {} }),
    nextTick: (fn: () => void) => host.later(fn),
    getAccountInfoSync: () => ({ miniProgram: { appId: 'touristappid', envVersion: 'develop', version: '' } }),
    getUpdateManager: () => ({ onCheckForUpdate: () => undefined, onUpdateReady: () => undefined, onUpdateFailed: () => undefined, applyUpdate: () => undefined }),
    reportAnalytics: () => undefined,
    vibrateShort: api('vibrateShort', async () => ({})),
    requestSubscribeMessage: api('requestSubscribeMessage', async (o) => {
      const ids = (o.tmplIds as string[] | undefined) ?? []
      if (!ids.length) throw new Error('tmplIds is empty')
      return Object.fromEntries(ids.map((id) => [id, 'accept']))
    }),
    requirePrivacyAuthorize: api('requirePrivacyAuthorize', async () => ({})),
    getPrivacySetting: api('getPrivacySetting', async () => ({ needAuthorization: false, privacyContractName: '《万州办电隐私保护指引》' })),
    onNeedPrivacyAuthorization: () => undefined,
    openPrivacyContract: api('openPrivacyContract', async () => ({})),
    env: { USER_DATA_PATH: 'http://usr' },
  }
  // An old phone simply lacks the newer APIs.
  return Object.fromEntries(Object.entries(full).filter(([name]) => name === 'env' || supports(host.version, name)))
}

/** Layout queries: the service thread has no layout, so every node measures as an empty box. */
function selectorQuery(host: WxHost) {
  const results: unknown[] = []
  const q = {
    in: () => q,
    select: () => node(false),
    selectAll: () => node(true),
    selectViewport: () => node(false),
    exec: (cb?: (r: unknown[]) => void) => { host.later(() => cb?.(results)) },
  }
  const node = (all: boolean) => ({
    boundingClientRect: (cb?: (r: unknown) => void) => { results.push(all ? [] : { width: 0, height: 0, top: 0, left: 0, right: 0, bottom: 0 }); if (cb) host.later(() => cb(results[results.length - 1])); return q },
    scrollOffset: (cb?: (r: unknown) => void) => { results.push({ scrollTop: 0, scrollLeft: 0 }); if (cb) host.later(() => cb(results[results.length - 1])); return q },
    fields: (_f: unknown, cb?: (r: unknown) => void) => { results.push(null); if (cb) host.later(() => cb(null)); return q },
    node: (cb?: (r: unknown) => void) => { results.push(null); if (cb) host.later(() => cb(null)); return q },
  })
  return q
}
