import Taro from '@tarojs/taro'
import { randomId } from '@/lib/id'

const STATE_KEY = 'wz-ykb-state'
export const CALLBACK_PAGE = '/packages/account/pages/ykb-callback/index'

/** Remembers where to go after 渝快办 sign-in; returns the `state` value that guards the callback. */
export function saveYkbState(next: string): string {
  const state = randomId('st-')
  Taro.setStorageSync(STATE_KEY, JSON.stringify({ state, next }))
  return state
}

/** The page to go to after signing in, if `state` is the one this device sent; null for a forged callback. */
export function takeYkbState(state: string | undefined): { next: string } | null {
  const raw: unknown = Taro.getStorageSync(STATE_KEY)
  Taro.removeStorageSync(STATE_KEY)
  if (typeof raw !== 'string' || !raw || !state) return null
  try {
    const saved = JSON.parse(raw) as { state?: unknown; next?: unknown }
    return saved.state === state && typeof saved.next === 'string' ? { next: saved.next } : null
  } catch {
    return null
  }
}
