import Taro from '@tarojs/taro'
import { useSession, selectConsented } from './stores/session-store'

/**
 * The one place that decides where a protected journey starts: sign in, then consent, then `next`.
 * `replace` when called from a page in between (login, callback, consent), so back skips it.
 */
export function continueTo(next: string, replace = false): void {
  const s = useSession.getState()
  const go = (url: string) => void (replace ? Taro.redirectTo({ url }) : Taro.navigateTo({ url }))
  if (!s.session) go(`/packages/account/pages/login/index?next=${encodeURIComponent(next)}`)
  else if (!selectConsented(s)) go(`/packages/account/pages/consent/index?next=${encodeURIComponent(next)}`)
  else go(next)
}
