import Taro from '@tarojs/taro'
import { DEFAULT_API_BASE } from '@/lib/http/api-base'
import { saveYkbState } from './ykb-state'

/**
 * Mini-program: 渝快办's consent page opens in a web-view; the mock's /ykb/mini-callback page hands the
 * one-time code back with wx.miniProgram.redirectTo to our callback page. The web-view replaces the page that
 * started the sign-in (as the callback and consent pages replace each other), so no sign-in page is left in the
 * stack: back from the page reached afterwards never shows 登录后在线申请 to a signed-in person, and the stack
 * stays well inside WeChat's 10 pages. Started from the start page itself (`replace` false), the web-view opens above
 * it instead, so back from the journey still leads home.
 */
export function startYkbAuthorize(next: string, replace = true): void {
  const state = saveYkbState(next)
  const base = process.env.TARO_APP_API_BASE || DEFAULT_API_BASE
  const src = `${base}/ykb/authorize?redirect_uri=${encodeURIComponent('/ykb/mini-callback')}&state=${state}&scope=base,user,mobile`
  const url = `/packages/account/pages/ykb-webview/index?src=${encodeURIComponent(src)}`
  void (replace ? Taro.redirectTo({ url }) : Taro.navigateTo({ url }))
}
