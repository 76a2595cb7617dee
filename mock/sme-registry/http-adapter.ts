// The 小微企业名录 port over HTTP: one signed GET per lookup through the one outbound client (mock/http/outbound.ts):
// a timeout on each attempt, at most two more attempts (200 ms doubling, jittered) when the registry could not be
// reached or answered 5xx, 408 or 429. Anything short of a readable answer is `unavailable` with a reason staff can
// read: the owed check (owed.ts) is tried again later, on its own schedule.
import { z } from 'zod'
import { clientOf, OutboundError, sendSigned, type PartySettings } from '../http/outbound'
import { SMALL_MICRO_RESULTS } from '../../src/core/small-micro'
import type { SmeLookup, SmeRegistryPort } from './port'

export const REGISTRY_RETRIES = 2
export const REGISTRY_BACKOFF = { baseMs: 200, capMs: 1000 }


const envelope = z.object({ code: z.string(), msg: z.string().optional().default(''), data: z.unknown() })
const record = z.object({
  creditCode: z.string(), scale: z.enum(['小型', '微型', '中型', '大型']), inDirectory: z.boolean(),
  basis: z.string().min(1), source: z.string().min(1), includedOn: z.iso.date(),
})
/** The registry's scale in our vocabulary: small and micro only when it is in the 名录 (src/core/small-micro.ts). */
const SCALE = { 小型: 'small', 微型: 'micro' } as const
/** Refusals that mean our side is misconfigured: every lookup fails alike until the settings are fixed. */
const OUR_CREDENTIALS_REFUSED = new Set(['UNKNOWN_KEY', 'BAD_SIGNATURE', 'CLOCK_SKEW'])

/** `baseUrl` e.g. https://sme.example.gov.cn/api/v1 (the demo's simulator: /sim/sme-registry/api/v1 on this server) */
export function httpSmeRegistry(o: PartySettings): SmeRegistryPort {
  const client = clientOf(o, REGISTRY_RETRIES, REGISTRY_BACKOFF)
  return {
    async lookup(creditCode: string): Promise<SmeLookup> {
      const url = new URL(`${o.baseUrl().replace(/\/$/, '')}/enterprises/${encodeURIComponent(creditCode)}`)
      let status: number
      let body: unknown
      try {
        const res = await sendSigned(client, { method: 'GET', url, idempotent: true })
        status = res.status
        body = parseJson(res.bytes)
      } catch (err) {
        if (!(err instanceof OutboundError)) throw err
        return { outcome: 'unavailable', reason: err.kind === 'timeout' ? `国家小微企业名录超过${o.timeoutMs}毫秒未响应` : `无法连接国家小微企业名录（已尝试${err.attempts}次）` }
      }
      const e = envelope.safeParse(body)
      if (!e.success) return { outcome: 'unavailable', reason: `国家小微企业名录答复无法识别（HTTP ${status}）` }
      if (status === 404 && e.data.code === 'NOT_FOUND') return { outcome: 'not-found', source: '国家企业信用信息公示系统·小微企业名录' }
      if (OUR_CREDENTIALS_REFUSED.has(e.data.code)) return { outcome: 'unavailable', reason: `国家小微企业名录拒绝了本系统的签名（${e.data.code}），请检查 SME_REGISTRY_APP_KEY、SME_REGISTRY_SECRET 和服务器时间` }
      if (status !== 200 || e.data.code !== '00') return { outcome: 'unavailable', reason: `国家小微企业名录暂不可用（HTTP ${status}${e.data.msg ? `：${e.data.msg}` : ''}）` }
      const r = record.safeParse(e.data.data)
      if (!r.success || r.data.creditCode !== creditCode) return { outcome: 'unavailable', reason: '国家小微企业名录答复的数据不完整' }
      const scale = r.data.inDirectory ? SCALE[r.data.scale as keyof typeof SCALE] : 'none'
      // a business in the 名录 is small or micro by definition: any other pairing is an answer we cannot trust
      if (!scale) return { outcome: 'unavailable', reason: `国家小微企业名录答复自相矛盾（${r.data.scale}企业却在名录中）` }
      return { outcome: 'found', record: { creditCode, scale, isSmallMicro: SMALL_MICRO_RESULTS[scale].smallMicro, basis: r.data.basis, source: r.data.source, recordedOn: r.data.includedOn } }
    },
  }
}

function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'))
  } catch {
    return undefined
  }
}
