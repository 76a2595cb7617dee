import Taro from '@tarojs/taro'
import { useSession, selectConsented } from './stores/session-store'

/** Pages that collect personal data need the separate consent first; tracking and browsing do not. */
const needsConsent = (url: string) => url.startsWith('/packages/apply/')

/**
 * The one place that decides where a protected page is reached: sign in, then (for applying) consent, then
 * `next`. `replace` when called from a page in between (login, callback, consent), so back skips it.
 */
export function continueTo(next: string, replace = false): void {
  const s = useSession.getState()
  const go = (url: string) => void (replace ? Taro.redirectTo({ url }) : Taro.navigateTo({ url }))
  if (!s.session) go(`/packages/account/pages/login/index?next=${encodeURIComponent(next)}`)
  else if (needsConsent(next) && !selectConsented(s)) go(`/packages/account/pages/consent/index?next=${encodeURIComponent(next)}`)
  else go(next)
}
