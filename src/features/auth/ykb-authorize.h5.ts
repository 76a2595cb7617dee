import { saveYkbState, CALLBACK_PAGE } from './ykb-state'

/**
 * H5: leave for 渝快办's consent page (the mock's /ykb/authorize); it returns to the callback page with a code.
 * `replace` is the mini-program's concern (whether the web-view replaces the page that asked): the browser leaves.
 */
export function startYkbAuthorize(next: string, _replace = true): void {
  const state = saveYkbState(next)
  const base = process.env.TARO_APP_API_BASE || window.location.origin
  const redirect = `${window.location.origin}${window.location.pathname}#${CALLBACK_PAGE}`
  window.location.href = `${base}/ykb/authorize?redirect_uri=${encodeURIComponent(redirect)}&state=${state}&scope=base,user,mobile`
}
