import type { ApplicationDetail } from '@/contract/progress'
import { useSession } from '@/features/auth/stores/session-store'
import { trackApi } from './api/track-api'

const DETAIL_PAGE = 'packages/track/pages/detail/index'

/** A query value as the router reads it; undefined when malformed (the page then reads, and fails, by itself). */
function safeDecode(value: string | undefined): string | undefined {
  try {
    return value === undefined ? undefined : decodeURIComponent(value)
  } catch {
    return undefined
  }
}

let started: { number: string; read: Promise<ApplicationDetail> } | null = null

/**
 * H5, as the app starts: when the address is a signed-in detail page (a link, a reload), its case is read now,
 * beside the download of the page's own code, instead of once the page has loaded and drawn its skeleton.
 */
export function startDetailRead(): void {
  const [page, query = ''] = window.location.hash.replace(/^#\/?/, '').split('?')
  const params = new Map(query.split('&').map((p) => p.split('=') as [string, string | undefined]))
  const number = safeDecode(params.get('number'))
  if (page !== DETAIL_PAGE || !number || params.has('via') || !useSession.getState().session) return
  const read = trackApi.detail(number)
  read.catch(() => undefined) // the page meets the failure when it takes the read
  started = { number, read }
}

/** The read started for `number`, once: the page's later reads (the poll, pull to refresh) ask afresh. */
export function takeDetailRead(number: string): Promise<ApplicationDetail> | undefined {
  const s = started
  started = null
  return s?.number === number ? s.read : undefined
}
