import Taro from '@tarojs/taro'

/**
 * WeChat's own privacy authorisation (用户隐私保护指引), required since 2023 before privacy APIs
 * (chooseMedia, scanCode, getPhoneNumber…). Resolves false when the user declines.
 */
export async function requirePlatformPrivacy(): Promise<boolean> {
  try {
    await Taro.requirePrivacyAuthorize()
    return true
  } catch {
    return false
  }
}
