import { create } from 'zustand'
import type { ServiceCatalogue } from '@/contract/services'
import { callApi } from '@/lib/http/client'
import { ApiError } from '@/lib/http/api-error'
import { prerenderedCatalogue } from '@/features/start/prerendered'

type Status = 'idle' | 'loading' | 'ready' | 'error'

interface CatalogueState {
  status: Status
  catalogue: ServiceCatalogue | null
  error: string | null
  /** Loads the service catalogue once; `force` reloads (pull to refresh, retry). */
  load: (force?: boolean) => Promise<void>
}

export const useCatalogue = create<CatalogueState>()((set, get) => ({
  status: 'idle',
  // H5: the catalogue prerendered into the page, shown until the server's answer replaces it
  catalogue: prerenderedCatalogue(),
  error: null,
  load: async (force = false) => {
    const { status } = get()
    if (status === 'loading' || (status === 'ready' && !force)) return
    set({ status: 'loading', error: null })
    try {
      const catalogue = await callApi('services')
      set({ status: 'ready', catalogue })
    } catch (e) {
      set({ status: 'error', error: e instanceof ApiError ? e.message : '加载失败，请重试' })
    }
  },
}))
