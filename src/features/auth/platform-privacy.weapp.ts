import Taro from '@tarojs/taro'

/**
 * WeChat's own privacy authorisation (用户隐私保护指引), required since base library 2.32.3 before privacy APIs
 * (chooseMedia, scanCode, getPhoneNumber…). Resolves false when the user declines. Older base libraries have no
 * such framework (nothing to authorise: the app's own consent screen is the whole of it), so consent works there too.
 */
export async function requirePlatformPrivacy(): Promise<boolean> {
  if (!Taro.canIUse('requirePrivacyAuthorize')) return true
  try {
    await Taro.requirePrivacyAuthorize()
    return true
  } catch {
    return false
  }
}
