// The utility port over HTTP: one signed POST of the case to the provider's intake endpoint, with a timeout.
// Signed like the inbound pushes (mock/push/signing.ts): key id, millisecond timestamp, nonce, HMAC over the body.
import type { Db } from '../db/open'
import { signedHeaders } from '../push/signing'
import { utilityKey } from './keys'
import type { Delivery, DeliveryResult, UtilityPort } from './port'
import type { UtilityConnections } from './connections'

export interface HttpAdapterOptions {
  db: Db
  /** where each utility takes its cases */
  connections: UtilityConnections
  /** this server's own origin, for endpoints given as a path (the demo's in-process simulator) */
  selfOrigin: () => string
  timeoutMs?: number
  now?: () => Date
}

/** Statuses worth another try; every other 4xx means the utility refused the case. */
const RETRYABLE_4XX = new Set([408, 425, 429])

export function intakeUrl(endpoint: string, selfOrigin: string): URL {
  return new URL(`${endpoint.replace(/\/$/, '')}/cases`, selfOrigin)
}

export function httpUtilityPort({ db, connections, selfOrigin, timeoutMs = 5000, now = () => new Date() }: HttpAdapterOptions): UtilityPort {
  return {
    async deliver(d: Delivery): Promise<DeliveryResult> {
      const endpoint = connections.endpointOf(d.provider)
      const key = utilityKey(db, d.provider)
      if (!endpoint || !key) return { outcome: 'refused', status: 0, error: `未配置接收地址或密钥的服务企业：${d.provider}` }
      const url = intakeUrl(endpoint, selfOrigin())
      const raw = JSON.stringify({ dispatchId: d.dispatchId, caseNumber: d.caseNumber, ...d.payload })
      let res: Response
      try {
        res = await fetch(url, {
          method: 'POST', body: raw, signal: AbortSignal.timeout(timeoutMs),
          headers: { ...signedHeaders(key, raw, now(), undefined, url.pathname), 'idempotency-key': d.dispatchId },
        })
      } catch (err) {
        const timedOut = (err as { name?: unknown } | null)?.name === 'TimeoutError'
        return { outcome: 'retry', status: null, error: timedOut ? `超过${timeoutMs}毫秒未响应` : '无法连接' }
      }
      const body = (await res.json().catch(() => null)) as { code?: string; msg?: string; data?: { utilityRef?: string } } | null
      if (res.ok && body?.code === '00' && body.data?.utilityRef) return { outcome: 'acknowledged', utilityRef: body.data.utilityRef, status: res.status }
      const error = `HTTP ${res.status}${body?.msg ? `：${body.msg}` : ''}`
      if (res.status >= 400 && res.status < 500 && !RETRYABLE_4XX.has(res.status)) return { outcome: 'refused', status: res.status, error }
      return { outcome: 'retry', status: res.status, error }
    },
  }
}
