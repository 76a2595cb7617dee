// One way to call another party's server (渝快办, the SMS gateway): every request signed (push/signing.ts: app key,
// millisecond timestamp, nonce, HMAC over method, path, body), a timeout on each attempt, and for idempotent calls
// a bounded number of retries with exponential backoff and jitter. A call that is not idempotent (it spends a
// one-time code, it creates something) is tried once: the caller decides, never this client.
import { newNonce, signedHeaders, type PushCredentials } from '../push/signing'
import { backoffDelayMs, type Backoff } from './backoff'

/** The clock, randomness and sleep a call uses: the real ones unless a test gives its own. */
export interface CallSeams {
  now?: () => Date
  random?: () => number
  sleep?: (ms: number) => Promise<void>
}

export interface OutboundOptions extends CallSeams {
  credentials: PushCredentials
  /** one attempt's limit */
  timeoutMs: number
  /** further attempts of an idempotent call after a failure worth retrying */
  retries: number
  backoff: Backoff
}

/** How an adapter reaches another party's API: its base, our key and secret there, one attempt's limit (and, for tests, the clock, randomness and sleep). */
export interface PartySettings extends CallSeams {
  /** the API's base; read on each call (the demo's simulators are known once the server listens) */
  baseUrl: () => string
  appKey: string
  secret: string
  timeoutMs: number
}

/** The outbound client of a party's adapter: its settings, with the adapter's own retry policy for idempotent calls. */
export const clientOf = (p: PartySettings, retries: number, backoff: Backoff): OutboundOptions => ({
  credentials: { appKey: p.appKey, secret: p.secret }, timeoutMs: p.timeoutMs, retries, backoff, now: p.now, random: p.random, sleep: p.sleep,
})

export interface OutboundRequest {
  method: 'GET' | 'POST'
  url: URL
  body?: unknown
  /** safe to send again: a read, or a write carrying an idempotency key */
  idempotent: boolean
  headers?: Record<string, string>
}

export interface OutboundResponse {
  status: number
  contentType: string
  bytes: Buffer
  attempts: number
}

/** No answer at all: the other side took longer than the timeout, or could not be reached. */
export class OutboundError extends Error {
  constructor(readonly kind: 'timeout' | 'network', message: string, readonly attempts: number) {
    super(message)
    this.name = 'OutboundError'
  }
}

/** Answers worth another attempt of an idempotent call: the other side's trouble, not a refusal of ours. */
export const isRetryableStatus = (status: number): boolean => status >= 500 || status === 408 || status === 429

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))

async function attempt(o: OutboundOptions, req: OutboundRequest, attempts: number): Promise<OutboundResponse> {
  const raw = req.body === undefined ? '' : JSON.stringify(req.body)
  const path = `${req.url.pathname}${req.url.search}`
  const headers = { ...signedHeaders(o.credentials, raw, (o.now ?? (() => new Date()))(), newNonce(), path, req.method), ...req.headers }
  try {
    const res = await fetch(req.url, { method: req.method, headers, body: req.method === 'GET' ? undefined : raw, signal: AbortSignal.timeout(o.timeoutMs), redirect: 'error' })
    const bytes = Buffer.from(await res.arrayBuffer())
    return { status: res.status, contentType: res.headers.get('content-type') ?? '', bytes, attempts }
  } catch (err) {
    const timedOut = (err as { name?: unknown } | null)?.name === 'TimeoutError'
    throw new OutboundError(timedOut ? 'timeout' : 'network', timedOut ? `no answer within ${o.timeoutMs} ms` : `cannot connect to ${req.url.origin}`, attempts)
  }
}

/**
 * Sends a signed request. An idempotent one is tried again (at most `retries` more times, after a jittered
 * backoff) when it could not connect or got a 5xx, 408 or 429; never after a timeout, since a slow party made
 * slower by repeats only makes the person waiting wait longer. Resolves with the last answer, whatever its
 * status; rejects with OutboundError when there was none.
 */
export async function sendSigned(o: OutboundOptions, req: OutboundRequest): Promise<OutboundResponse> {
  const tries = req.idempotent ? 1 + o.retries : 1
  for (let n = 1; ; n++) {
    try {
      const res = await attempt(o, req, n)
      if (n >= tries || !isRetryableStatus(res.status)) return res
    } catch (err) {
      if (!(err instanceof OutboundError) || err.kind === 'timeout' || n >= tries) throw err
    }
    await (o.sleep ?? defaultSleep)(backoffDelayMs(n, o.backoff, o.random))
  }
}
