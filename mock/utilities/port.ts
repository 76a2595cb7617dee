// The seam to each utility (水电气讯): what the dispatcher asks of it, and what it answers. Timeouts, retries and
// idempotency live at this seam (http-adapter.ts, outbox.ts), nowhere else.
import type { ProviderCode } from '../../src/core/providers'

export interface Delivery {
  provider: ProviderCode
  /** idempotency key: the utility keeps one case per dispatch id however often it is sent */
  dispatchId: string
  caseNumber: string
  payload: Record<string, unknown>
}

export type DeliveryResult =
  | { outcome: 'acknowledged'; utilityRef: string; status: number }
  /** worth trying again later: timeout, connection refused, 5xx, 408, 429 */
  | { outcome: 'retry'; status: number | null; error: string }
  /** the utility refused the case itself (4xx): retrying cannot help; staff must look */
  | { outcome: 'refused'; status: number; error: string }

export interface UtilityPort {
  deliver(delivery: Delivery): Promise<DeliveryResult>
}
