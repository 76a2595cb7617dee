// H5: taking over from the start page prerendered into index.html (config/prerender-start.ts).
import type { ServiceCatalogue } from '@/contract/services'
import { PRERENDER } from './prerender-ids'

/** The catalogue the prerendered page shows, so the app's first render is that page; null when there is none. */
export function prerenderedCatalogue(): ServiceCatalogue | null {
  const text = document.getElementById(PRERENDER.catalogueId)?.textContent
  if (!text) return null
  try {
    return JSON.parse(text) as ServiceCatalogue
  } catch {
    return null
  }
}

/** Removes the prerendered page: the app's own start page is on screen beneath it. */
export function dropPrerendered(): void {
  document.getElementById(PRERENDER.overlayId)?.remove()
}
