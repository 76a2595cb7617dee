// The 渝快办 gateway over HTTP: each call signed (our app key and secret), with a timeout per attempt; the reads
// retried (at most twice, 200 ms doubling, jittered) when 渝快办 could not be reached or answered 5xx; every call
// behind one circuit breaker. A refusal of ours (a spent code, an expired token) is a YkbRefusal; anything that
// means 渝快办 cannot be used now is a YkbUnavailable, which callers turn into one clear message (YKB_UNAVAILABLE).
import { z } from 'zod'
import { clientOf, OutboundError, sendSigned, type OutboundResponse, type PartySettings } from '../http/outbound'
import { CircuitBreaker } from './circuit'
import { YkbRefusal, YkbUnavailable, type YkbBusiness, type YkbGateway, type YkbGrant, type YkbLicence, type YkbPerson, type YkbShowTxn } from './port'

export const USER_TOKEN_HEADER = 'x-ykb-user-token'
export const GATEWAY_RETRIES = 2
export const GATEWAY_BACKOFF = { baseMs: 200, capMs: 1000 }
export const CIRCUIT = { threshold: 5, openMs: 30_000 }

/** `baseUrl` e.g. https://open.ykb.example.gov.cn/api */
export interface HttpGatewayOptions extends PartySettings {
  circuit?: CircuitBreaker
  /** told of every call that found 渝快办 unusable (for the log) */
  onUnavailable?: (e: YkbUnavailable, what: string) => void
}

const licence = z.object({
  identifier: z.string(), typeCode: z.string(), typeName: z.string(), licenceNumber: z.string(), holderName: z.string(),
  holderCode: z.string(), validFrom: z.string(), validTo: z.string().nullable(), status: z.enum(['current', 'cancelled']),
  face: z.record(z.string(), z.unknown()),
})
const showTxn = z.object({ txnId: z.string(), kind: z.string(), status: z.enum(['waiting', 'approved', 'refused', 'expired']), expiresAt: z.string() })
const envelope = z.object({ code: z.string(), msg: z.string().optional().default(''), data: z.unknown() })

/** Refusals that mean our side is misconfigured, not the request wrong: 渝快办 is unusable for every call alike. */
const OUR_CREDENTIALS_REFUSED = new Set(['SIGNATURE_INVALID', 'APP_UNKNOWN', 'TIMESTAMP_INVALID'])

export function httpYkbGateway(o: HttpGatewayOptions): YkbGateway {
  const circuit = o.circuit ?? new CircuitBreaker({ ...CIRCUIT, now: o.now && (() => o.now!().getTime()) })
  const client = clientOf(o, GATEWAY_RETRIES, GATEWAY_BACKOFF)

  /** One call through the breaker; the answer's data, parsed, or a refusal, or YkbUnavailable. */
  async function call<T>(what: string, req: { method: 'GET' | 'POST'; path: string; body?: unknown; idempotent: boolean; token?: string }, data: z.ZodType<T>): Promise<T> {
    const res = await through(what, req)
    if (res.status === 200 && res.contentType.startsWith('application/pdf')) { circuit.success(); return data.parse({ mime: 'application/pdf', bytes: res.bytes }) }
    const parsed = envelope.safeParse(safeJson(res))
    const fail = (e: YkbUnavailable) => { circuit.failure(); o.onUnavailable?.(e, what); return e }
    if (!parsed.success) throw fail(new YkbUnavailable('bad-answer', `渝快办 ${what}: HTTP ${res.status}, not an envelope`))
    const { code, msg } = parsed.data
    if (res.status >= 500) throw fail(new YkbUnavailable('server-error', `渝快办 ${what}: HTTP ${res.status} ${code}`))
    if (OUR_CREDENTIALS_REFUSED.has(code)) throw fail(new YkbUnavailable('signature', `渝快办 ${what}: our request was refused (${code}); check YKB_APP_KEY / YKB_APP_SECRET and the clock`))
    if (code !== '00') { circuit.success(); throw new YkbRefusal(code, msg, res.status) }
    const out = data.safeParse(parsed.data.data)
    if (!out.success) throw fail(new YkbUnavailable('bad-answer', `渝快办 ${what}: unexpected data`))
    circuit.success()
    return out.data
  }

  async function through(what: string, req: { method: 'GET' | 'POST'; path: string; body?: unknown; idempotent: boolean; token?: string }): Promise<OutboundResponse> {
    if (!circuit.allow()) {
      const e = new YkbUnavailable('circuit-open', `渝快办 ${what}: circuit open, not called`)
      o.onUnavailable?.(e, what)
      throw e
    }
    try {
      return await sendSigned(client, {
        method: req.method, url: new URL(`${o.baseUrl().replace(/\/$/, '')}${req.path}`), body: req.body, idempotent: req.idempotent,
        headers: req.token ? { [USER_TOKEN_HEADER]: req.token } : undefined,
      })
    } catch (err) {
      if (!(err instanceof OutboundError)) throw err
      circuit.failure()
      const e = new YkbUnavailable(err.kind, `渝快办 ${what}: ${err.message} (${err.attempts} attempt${err.attempts > 1 ? 's' : ''})`)
      o.onUnavailable?.(e, what)
      throw e
    }
  }

  const txnPath = (id: string) => `/show-txns/${encodeURIComponent(id)}`
  return {
    exchangeCode: (code) => call('token', { method: 'POST', path: '/oauth/token', body: { code }, idempotent: false },
      z.object({ accessToken: z.string(), expiresAt: z.string(), userId: z.string() })) as Promise<YkbGrant>,
    person: (accessToken) => call('identity', { method: 'GET', path: '/user/identity', idempotent: true, token: accessToken },
      z.object({ userId: z.string(), name: z.string(), idNumber: z.string(), mobile: z.string() })) as Promise<YkbPerson>,
    licencesOfHolder: async (q) => (await call('licence query', {
      method: 'POST', path: '/licences/query', idempotent: true, token: q.accessToken,
      body: { holderIdNumber: q.holderIdNumber, typeCodes: q.typeCodes, useCause: q.useCause },
    }, z.object({ licences: z.array(licence) }))).licences as YkbLicence[],
    licenceByCertificate: async (q) => {
      try {
        return (await call('certificate query', { method: 'POST', path: '/licences/by-certificate', idempotent: true, body: q }, z.object({ licence }))).licence as YkbLicence
      } catch (err) {
        if (err instanceof YkbRefusal && err.code === 'LICENCE_NOT_FOUND') return null
        throw err
      }
    },
    licenceFile: (q) => call('licence file', { method: 'GET', path: `/licences/${encodeURIComponent(q.identifier)}/file`, idempotent: true, token: q.accessToken },
      z.object({ mime: z.string(), bytes: z.instanceof(Buffer) })),
    createShowTxn: (q) => call('亮证 create', { method: 'POST', path: '/show-txns', body: q, idempotent: false }, showTxn) as Promise<YkbShowTxn>,
    pollShowTxn: (id) => call('亮证 poll', { method: 'GET', path: txnPath(id), idempotent: true }, showTxn) as Promise<YkbShowTxn>,
    showTxnLicence: async (id) => (await call('亮证 fetch', { method: 'GET', path: `${txnPath(id)}/licence`, idempotent: true }, z.object({ licence }))).licence as YkbLicence,
    marketRegistration: async (creditCode) => {
      try {
        return (await call('market registration', { method: 'GET', path: `/market/registrations/${encodeURIComponent(creditCode)}`, idempotent: true },
          z.object({ business: z.object({ creditCode: z.string(), name: z.string(), registeredOn: z.string(), address: z.string(), representativeUserId: z.string() }) }))).business as YkbBusiness
      } catch (err) {
        if (err instanceof YkbRefusal && err.code === 'BUSINESS_NOT_FOUND') return null
        throw err
      }
    },
    circuit: () => circuit.state(),
  }
}

function safeJson(res: OutboundResponse): unknown {
  try {
    return JSON.parse(res.bytes.toString('utf8'))
  } catch {
    return undefined
  }
}
