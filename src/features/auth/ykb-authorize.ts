import Taro from '@tarojs/taro'
import { DEFAULT_API_BASE } from '@/lib/http/api-base'
import { saveYkbState } from './ykb-state'

/**
 * Mini-program: 渝快办's consent page opens in a web-view; the mock's /ykb/mini-callback page hands the
 * one-time code back with wx.miniProgram.redirectTo to our callback page.
 */
export function startYkbAuthorize(next: string): void {
  const state = saveYkbState(next)
  const base = process.env.TARO_APP_API_BASE || DEFAULT_API_BASE
  const src = `${base}/ykb/authorize?redirect_uri=${encodeURIComponent('/ykb/mini-callback')}&state=${state}&scope=base,user,mobile`
  void Taro.navigateTo({ url: `/packages/account/pages/ykb-webview/index?src=${encodeURIComponent(src)}` })
}
