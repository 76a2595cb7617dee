import Taro from '@tarojs/taro'
import { useSession, selectConsented, selectHasIdentity } from './stores/session-store'
import { startYkbAuthorize } from './ykb-authorize'

/**
 * Applying (the pages that collect personal data) needs a 渝快办 real-name identity, so that the ID card given
 * can be checked against the person signed in, and the separate consent; tracking and browsing need neither.
 */
const isApplying = (url: string) => url.startsWith('/packages/apply/')

/** The sign-in page; `bind` when a WeChat sign-in still needs its 渝快办 real-name identity. */
const loginPage = (next: string, bind = false) =>
  `/packages/account/pages/login/index?next=${encodeURIComponent(next)}${bind ? '&bind=1' : ''}`

/**
 * The one place that decides where a protected page is reached: sign in, then (for applying) the 渝快办
 * identity and consent, then
 * `next`. `replace` when called from a page in between (login, callback, consent), so back skips it.
 */
export function continueTo(next: string, replace = false): void {
  const s = useSession.getState()
  const go = (url: string) => void (replace ? Taro.redirectTo({ url }) : Taro.navigateTo({ url }))
  // applying can only be done with 渝快办's real-name identity: straight there, no sign-in page to choose on
  if (!s.session && isApplying(next)) startYkbAuthorize(next, replace)
  else if (!s.session) go(loginPage(next))
  else if (isApplying(next) && !selectHasIdentity(s)) go(loginPage(next, true))
  else if (isApplying(next) && !selectConsented(s)) go(`/packages/account/pages/consent/index?next=${encodeURIComponent(next)}`)
  else go(next)
}
