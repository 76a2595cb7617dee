import { useEffect } from 'react'
import { create } from 'zustand'
import type { TownshipsResponse } from '@/contract/system'
import { callApi } from '@/lib/http/client'
import { supplierFor, type SupplySettings } from '@/core/supply-settings'
import type { SupplierCode } from '@/core/services'

interface TownshipsState {
  /** township code -> the enterprise new applications there go to, as the server is configured */
  suppliers: SupplySettings['suppliers'] | null
  /** Loads the configured split once (a failure leaves it unknown: the page then names no enterprise). */
  load: () => Promise<void>
}

export const useTownships = create<TownshipsState>()((set, get) => ({
  suppliers: null,
  load: async () => {
    if (get().suppliers) return
    try {
      const { townships }: TownshipsResponse = await callApi('townships')
      set({ suppliers: Object.fromEntries(townships.map((t) => [t.code, t.supplier])) })
    } catch {
      // the enterprise is a preview; the receipt names it once submitted
    }
  },
}))

/** The enterprise a township's new applications go to, with the reason; undefined until the split is loaded. */
export function useSupplierFor(townshipCode: string | undefined): { supplier: SupplierCode; reason: string } | undefined {
  const suppliers = useTownships((s) => s.suppliers)
  const load = useTownships((s) => s.load)
  useEffect(() => {
    void load()
  }, [load])
  return suppliers && townshipCode ? supplierFor({ suppliers }, townshipCode) : undefined
}
