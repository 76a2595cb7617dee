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

interface KeptTap {
  index: number
  text: string | null
}

const keptTap = (): KeptTap | undefined => (window as unknown as Record<string, KeptTap | undefined>)[PRERENDER.pendingTap]

/** Removes the prerendered page (another page is on screen: a tap kept on it is forgotten). */
export function dropPrerendered(): void {
  document.getElementById(PRERENDER.overlayId)?.remove()
  delete (window as unknown as Record<string, unknown>)[PRERENDER.pendingTap]
}

/**
 * The app's own start page is on screen beneath the prerendered one: removes that, and makes the tap the user
 * gave it before the app was ready, on the same button of the app's page (found by its place among the buttons
 * and links, and only if its text is the same).
 */
export function handOverFromPrerendered(): void {
  const tap = keptTap()
  dropPrerendered()
  if (!tap) return
  const target = document.getElementById('app')?.querySelectorAll(PRERENDER.tappable)[tap.index]
  if (target instanceof HTMLElement && target.textContent === tap.text) target.click()
}
