import Taro from '@tarojs/taro'

type FontInfo = { fontSizeSetting?: number }
type BaseInfoApi = { getAppBaseInfo?: () => FontInfo; getSystemInfoSync: () => FontInfo }

let cached: number | undefined

/**
 * WeChat reports the user's font size setting in px (16 is the default); scale our text the same way. Read once:
 * from getAppBaseInfo (base library 2.20.1+), or the deprecated synchronous getSystemInfoSync on older ones.
 */
export function systemFontScale(): number {
  if (cached !== undefined) return cached
  try {
    const api = Taro as unknown as BaseInfoApi
    const info = typeof api.getAppBaseInfo === 'function' ? api.getAppBaseInfo() : api.getSystemInfoSync()
    cached = Math.min(1.6, Math.max(1, (info.fontSizeSetting ?? 16) / 16))
  } catch {
    cached = 1
  }
  return cached
}
