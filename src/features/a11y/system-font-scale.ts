import Taro from '@tarojs/taro'

/** WeChat reports the user's font size setting in px (16 is the default); scale our text the same way. */
export function systemFontScale(): number {
  try {
    const size = (Taro.getSystemInfoSync() as { fontSizeSetting?: number }).fontSizeSetting ?? 16
    return Math.min(1.6, Math.max(1, size / 16))
  } catch {
    return 1
  }
}
