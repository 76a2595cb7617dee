import type { ScanStatus } from '@/contract/licences'
import { callApi } from '@/lib/http/client'

/**
 * Polls a 亮证 transaction until the holder decides (status 2 or 3), politely: every 2 s, at most 5 minutes,
 * stopping as soon as `isCancelled` says so (page left, user chose another way).
 */
export async function pollScan(txnId: string, isCancelled: () => boolean, intervalMs = 2000, maxMs = 5 * 60_000): Promise<ScanStatus | null> {
  const deadline = Date.now() + maxMs
  while (!isCancelled() && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, intervalMs))
    if (isCancelled()) return null
    const s = await callApi('scanStatus', { params: { txnId } })
    if (s.status !== 1) return s
  }
  return null
}
