import { create } from 'zustand'

/** A lookup-without-sign-in grant, kept in memory only (30 minutes on the server; gone when the app closes). */
export const useLookupGrant = create<{ number: string | null; token: string | null; set: (number: string, token: string) => void }>()((set) => ({
  number: null,
  token: null,
  set: (number, token) => set({ number, token }),
}))
