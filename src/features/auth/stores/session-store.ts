import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { Me, Session, LoginResult } from '@/contract/auth'
import { CONSENT_VERSION } from '@/contract/constants'
import { callApi, setSessionHooks } from '@/lib/http/client'
import { taroStorage } from '@/lib/storage/taro-storage'

interface SessionState {
  session: Session | null
  me: Me | null
  signIn: (result: LoginResult) => void
  loginYkb: (code: string) => Promise<void>
  loginWechat: (code: string) => Promise<void>
  /** renews the access token; false (and signed out) when the refresh token is no longer good */
  refresh: () => Promise<boolean>
  reloadMe: () => Promise<void>
  setConsent: (granted: boolean) => Promise<void>
  signOut: () => Promise<void>
}

let refreshing: Promise<boolean> | null = null

export const useSession = create<SessionState>()(
  persist(
    (set, get) => ({
      session: null,
      me: null,
      signIn: ({ session, me }) => set({ session, me }),
      loginYkb: async (code) => get().signIn(await callApi('loginYkb', { body: { code } })),
      loginWechat: async (code) => get().signIn(await callApi('loginWechat', { body: { code } })),
      refresh: () => {
        // One refresh at a time: parallel requests that all hit an expired token share it.
        refreshing ??= (async () => {
          const refreshToken = get().session?.refreshToken
          if (!refreshToken) return false
          try {
            set({ session: await callApi('refresh', { body: { refreshToken } }) })
            return true
          } catch {
            set({ session: null, me: null })
            return false
          }
        })().finally(() => { refreshing = null })
        return refreshing
      },
      reloadMe: async () => { set({ me: await callApi('me') }) },
      setConsent: async (granted) => { set({ me: await callApi('consent', { body: { version: CONSENT_VERSION, granted } }) }) },
      signOut: async () => {
        try {
          if (get().session) await callApi('logout')
        } catch {
          // Offline or already expired: the token dies on the server by itself; this device forgets it now.
        } finally {
          set({ session: null, me: null })
        }
      },
    }),
    {
      name: 'wz-session',
      storage: taroStorage,
      version: 1,
      partialize: (s) => ({ session: s.session, me: s.me }),
    },
  ),
)

setSessionHooks({
  token: () => useSession.getState().session?.token,
  refresh: () => useSession.getState().refresh(),
})

export const selectSignedIn = (s: SessionState) => s.session !== null
export const selectConsented = (s: SessionState) => s.me?.consentVersion === CONSENT_VERSION
export const selectHasIdentity = (s: SessionState) => s.me?.identity != null
