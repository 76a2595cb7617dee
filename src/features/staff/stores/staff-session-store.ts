import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { Session } from '@/contract/auth'
import type { Staff } from '@/contract/staff'
import { callApi } from '@/lib/http/client'
import { taroStorage } from '@/lib/storage/taro-storage'

/** A staff sign-in, kept apart from any applicant session on the same device; it is never refreshed silently. */
interface StaffSessionState {
  session: Session | null
  staff: Staff | null
  login: (username: string, password: string) => Promise<void>
  logout: () => Promise<void>
}

export const useStaffSession = create<StaffSessionState>()(
  persist((set, get) => ({
    session: null,
    staff: null,
    login: async (username, password) => {
      const r = await callApi('staffLogin', { body: { username, password } })
      set({ session: r.session, staff: r.staff })
    },
    logout: async () => {
      try {
        await callApi('staffLogout', { headers: staffHeaders(get().session) })
      } catch {
        // already expired or offline: forget it here anyway
      } finally {
        set({ session: null, staff: null })
      }
    },
  }), { name: 'wz-staff-session', storage: taroStorage, version: 1, partialize: (s) => ({ session: s.session, staff: s.staff }) }),
)

export function staffHeaders(session: Session | null = useStaffSession.getState().session): Record<string, string> {
  return session ? { authorization: `Bearer ${session.token}` } : {}
}
