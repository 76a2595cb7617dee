/** WeChat login exists only in the mini-program. */
export const WECHAT_LOGIN_AVAILABLE = false
export async function wechatLoginCode(): Promise<string> {
  throw new Error('WeChat login is only available in the mini-program')
}
