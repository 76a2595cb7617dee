import Taro from '@tarojs/taro'

export const WECHAT_LOGIN_AVAILABLE = true
/** A one-time code from Taro.login, for the server to exchange (jscode2session). */
export async function wechatLoginCode(): Promise<string> {
  const { code } = await Taro.login()
  return code
}
