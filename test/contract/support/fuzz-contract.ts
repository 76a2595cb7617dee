// Hostile requests for one contract route, generated from a valid sample, and what the contract says the server
// must answer: the schemas of the route are the oracle (transport → authentication → body, query, params).
import fc from 'fast-check'
import type { ErrorCode, Endpoint } from '../../../src/contract'
import {
  deepened, encode, headerValue, hostileKey, hostileUrlString, hostileValue, malformedJson, mutated, oddContentType, RawJson, rawSegment,
  toJsonText, wellFormed,
} from './fuzz-values'
import { printable, type Expectation, type FuzzRequest } from './fuzz-http'

export type AuthVariant = 'none' | 'garbage' | 'valid' | 'wrongKind'

export interface Tokens {
  /** a token of the kind the route wants (a fresh one for routes that end the session) */
  valid: () => string
  /** a token of the other kind (staff on an applicant route, and the other way round) */
  wrongKind: () => string
}

export interface RouteSample {
  body?: unknown
  query?: Record<string, string>
  /** valid values for each path parameter (the first usually names a real record) */
  params?: Record<string, string[]>
  /** headers a valid request carries besides authorization (Idempotency-Key, X-Lookup-Token) */
  headers?: Record<string, string>
}

type Body =
  | { kind: 'json'; value: unknown }
  | { kind: 'raw'; text: string; contentType: string }
  | { kind: 'none' }
  | { kind: 'huge' }
type ParamValue = { raw: false; value: string } | { raw: true; segment: string }

export interface ContractCase extends FuzzRequest {
  expect: Expectation
  /** the path was sent as generated (no raw segment the router may read as another route) */
  routed: boolean
}

const BODY_LIMIT = 1024 * 1024
const TRANSPORT: ErrorCode[] = ['BAD_REQUEST', 'UNSUPPORTED_MEDIA_TYPE', 'PAYLOAD_TOO_LARGE']
const PUSH_REFUSALS: ErrorCode[] = ['PUSH_UNKNOWN_KEY', 'PUSH_CLOCK_SKEW', 'PUSH_BAD_SIGNATURE', 'PUSH_REPLAY']

/** A query value as the URL carries it (arrays repeat the key). */
function queryStrings(v: unknown): string[] {
  if (Array.isArray(v)) return v.flatMap((x) => queryStrings(x).slice(0, 1))
  if (v instanceof RawJson) return [v.text]
  if (v === null || v === undefined) return ['']
  return [typeof v === 'object' ? JSON.stringify(v) : String(v)]
}

/** The encoded query string and the object the server parses it into. */
export function buildQuery(q: unknown): { text: string; parsed: Record<string, unknown> } {
  const parsed: Record<string, unknown> = Object.create(null) as Record<string, unknown>
  const pairs: string[] = []
  const entries = q && typeof q === 'object' && !Array.isArray(q) && !(q instanceof RawJson) ? Object.entries(q) : q === undefined ? [] : [['q', q] as [string, unknown]]
  for (const [k, v] of entries) {
    for (const s of queryStrings(v).map((x) => x.slice(0, 3000))) {
      const key = wellFormed(k)
      const value = wellFormed(s)
      pairs.push(`${encode(k)}=${encode(s)}`)
      const had = parsed[key]
      parsed[key] = had === undefined ? value : Array.isArray(had) ? [...had, value] : [had, value]
    }
  }
  return { text: pairs.join('&'), parsed }
}

/** Own keys that Fastify's JSON parser refuses (prototype poisoning), anywhere in the value. */
function poisoned(root: unknown): boolean {
  const stack = [root]
  while (stack.length) {
    const v = stack.pop()
    if (!v || typeof v !== 'object') continue
    if (Object.prototype.hasOwnProperty.call(v, '__proto__')) return true
    const ctor = (v as Record<string, unknown>).constructor
    if (Object.prototype.hasOwnProperty.call(v, 'constructor') && ctor && typeof ctor === 'object' && Object.prototype.hasOwnProperty.call(ctor, 'prototype')) return true
    stack.push(...Object.values(v))
  }
  return false
}

const mimeOf = (contentType: string) => contentType.split(';')[0].trim().toLowerCase()

/** What the body turns into on the server, or the transport refusal it gets. */
function bodyOutcome(body: Body, text: string | undefined, contentType: string | undefined): { value: unknown; refusal?: ErrorCode[]; odd?: boolean } {
  if (body.kind === 'none') return { value: undefined }
  if (body.kind === 'huge') return { value: undefined, refusal: ['PAYLOAD_TOO_LARGE'] }
  const mime = mimeOf(contentType ?? '')
  if (mime !== 'application/json') return { value: text, odd: true }
  if (Buffer.byteLength(text ?? '') > BODY_LIMIT) return { value: undefined, refusal: ['PAYLOAD_TOO_LARGE'] }
  let value: unknown
  try {
    // like Fastify's parser (secure-json-parse), a leading byte-order mark is dropped
    value = JSON.parse((text ?? '').replace(/^\uFEFF/, ''))
  } catch {
    return { value: undefined, refusal: ['BAD_REQUEST'] }
  }
  if (poisoned(value)) return { value, refusal: ['BAD_REQUEST'] }
  return { value }
}

const failsSchema = (schema: Endpoint['body'], value: unknown) => {
  if (!schema) return false
  try {
    return !schema.safeParse(value).success
  } catch {
    return true
  }
}

/** The contract's verdict on a request: who answers first, and with what. */
function verdict(e: Endpoint, auth: AuthVariant, body: ReturnType<typeof bodyOutcome>, query: Record<string, unknown>, params: Record<string, ParamValue>): Expectation {
  const hasRaw = Object.values(params).some((p) => p.raw)
  const longParam = Object.values(params).some((p) => !p.raw && encode(p.value).length > 100)
  // the router answers first: odd raw segments (bad escapes, dot segments) and parameters over 100 characters
  if (hasRaw) return { mayPass: false, allowed: 'any' }
  const routing: ErrorCode[] = longParam ? ['BAD_REQUEST'] : []
  if (body.refusal) return { mayPass: false, allowed: [...routing, ...body.refusal] }
  const needsSession = e.auth === 'applicant' || e.auth === 'staff'
  if (e.auth === 'signed' && auth !== 'valid') return { mayPass: false, allowed: [...PUSH_REFUSALS, 'VALIDATION_FAILED', ...(body.odd ? TRANSPORT : [])] }
  if (e.auth === 'signed' && body.odd) return { mayPass: false, allowed: ['PUSH_BAD_SIGNATURE', 'VALIDATION_FAILED', ...TRANSPORT] }
  if (needsSession && (auth === 'none' || auth === 'garbage')) return { mayPass: false, allowed: [...routing, 'UNAUTHENTICATED', ...(body.odd ? TRANSPORT : [])] }
  if (needsSession && auth === 'wrongKind') return { mayPass: false, allowed: [...routing, 'FORBIDDEN', ...(body.odd ? TRANSPORT : [])] }
  const invalid = failsSchema(e.body, body.value) || failsSchema(e.query, query)
    || failsSchema(e.params, Object.fromEntries(Object.entries(params).map(([k, p]) => [k, p.raw ? p.segment : wellFormed(p.value)])))
  // a route that takes no body ignores an odd one and answers as it would without it (its own refusals included)
  if (body.odd) return !e.body && !invalid ? { mayPass: true, allowed: 'any' } : { mayPass: false, allowed: [...routing, 'VALIDATION_FAILED', ...TRANSPORT] }
  if (invalid) return { mayPass: false, allowed: [...routing, 'VALIDATION_FAILED'] }
  return { mayPass: !longParam, allowed: 'any' }
}

const authArb = (e: Endpoint): fc.Arbitrary<AuthVariant> =>
  e.auth !== 'none'
    ? fc.oneof({ arbitrary: fc.constant<AuthVariant>('valid'), weight: 6 }, { arbitrary: fc.constantFrom<AuthVariant>('none', 'garbage', 'wrongKind'), weight: 3 })
    : fc.constantFrom<AuthVariant>('none', 'garbage', 'valid')

const bodyArb = (sample: unknown): fc.Arbitrary<Body> => fc.oneof(
  { arbitrary: mutated(sample).map((value): Body => ({ kind: 'json', value })), weight: 12 },
  { arbitrary: hostileValue.map((value): Body => ({ kind: 'json', value })), weight: 2 },
  { arbitrary: deepened(sample).map((value): Body => ({ kind: 'json', value })), weight: 2 },
  { arbitrary: fc.constant<Body>({ kind: 'json', value: sample }), weight: 1 },
  { arbitrary: malformedJson(sample).map((text): Body => ({ kind: 'raw', text, contentType: 'application/json' })), weight: 4 },
  { arbitrary: oddContentType.map((contentType): Body => ({ kind: 'raw', text: toJsonText(sample) ?? '', contentType })), weight: 2 },
  { arbitrary: fc.constantFrom<Body>({ kind: 'none' }, { kind: 'raw', text: '', contentType: 'application/json' }), weight: 1 },
  { arbitrary: fc.constant<Body>({ kind: 'huge' }), weight: 1 },
)

const paramArb = (valid: string[], pattern?: 'number'): fc.Arbitrary<ParamValue> => fc.oneof(
  { arbitrary: fc.constantFrom(...valid).map((value): ParamValue => ({ raw: false, value })), weight: 5 },
  { arbitrary: (pattern === 'number' ? fc.stringMatching(/^WZ\d{14}$/) : fc.string({ minLength: 1, maxLength: 64 })).map((value): ParamValue => ({ raw: false, value })), weight: 1 },
  { arbitrary: hostileUrlString.map((value): ParamValue => (['', '.', '..'].includes(value) ? { raw: true, segment: value } : { raw: false, value })), weight: 4 },
  { arbitrary: rawSegment.map((segment): ParamValue => ({ raw: true, segment })), weight: 1 },
)

const queryArb = (sample: Record<string, string> | undefined): fc.Arbitrary<unknown> => sample
  ? fc.oneof({ arbitrary: mutated(sample), weight: 8 }, { arbitrary: fc.constant(sample), weight: 1 }, { arbitrary: hostileValue, weight: 1 })
  : fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: fc.dictionary(hostileKey, hostileUrlString, { maxKeys: 3 }), weight: 1 })

const headersArb = (sample: Record<string, string> | undefined): fc.Arbitrary<Record<string, string>> => {
  if (!sample) return fc.constant({})
  const one = (k: string, v: string) => fc.oneof(
    { arbitrary: fc.constant<[string, string] | null>([k, v]), weight: 3 },
    { arbitrary: fc.constant<[string, string] | null>(null), weight: 1 },
    { arbitrary: headerValue.map((h): [string, string] | null => [k, h]), weight: 2 },
  )
  return fc.tuple(...Object.entries(sample).map(([k, v]) => one(k, v))).map((pairs) => Object.fromEntries(pairs.filter((p): p is [string, string] => p !== null)))
}

function pathFor(e: Endpoint, params: Record<string, ParamValue>): string {
  return e.path.replace(/:(\w+)/g, (_m, name: string) => {
    const p = params[name]
    return p.raw ? p.segment : encode(p.value)
  })
}

function bodyText(body: Body, sample: unknown): { text?: string; contentType?: string } {
  switch (body.kind) {
    case 'none': return {}
    case 'huge': return { text: `{"x":"${'a'.repeat(BODY_LIMIT + 10)}"}`, contentType: 'application/json' }
    case 'raw': return { text: body.text, contentType: body.contentType }
    case 'json': return { text: toJsonText(body.value) ?? '', contentType: 'application/json' }
  }
  return { text: toJsonText(sample) }
}

/** Node refuses a request line and headers over 16 KB before any route runs. */
const HEAD_LIMIT = 16 * 1024
const headBytes = (path: string, query: string, headers: Record<string, string>) =>
  Buffer.byteLength(`${path}?${query}`) + Object.entries(headers).reduce((n, [k, v]) => n + k.length + Buffer.byteLength(v, 'latin1') + 4, 0)

function withHeadLimit(bytes: number, e: Expectation): Expectation {
  if (bytes > HEAD_LIMIT) return { mayPass: false, allowed: ['PAYLOAD_TOO_LARGE'] }
  if (bytes > HEAD_LIMIT - 1024 && e.allowed !== 'any') return { ...e, allowed: [...e.allowed, 'PAYLOAD_TOO_LARGE'] }
  return e
}

/** Hostile requests for one route, each with the contract's verdict on it. */
export function contractCases(
  e: Endpoint, sample: RouteSample, tokens: Tokens, sign?: (text: string, spoil?: string) => Record<string, string>,
): fc.Arbitrary<ContractCase> {
  const hasBody = e.method === 'POST' || e.method === 'PUT'
  const paramNames = [...e.path.matchAll(/:(\w+)/g)].map((m) => m[1])
  const params = paramNames.length
    ? fc.record(Object.fromEntries(paramNames.map((n) => [n, paramArb(sample.params?.[n] ?? ['x'], n === 'number' ? 'number' : undefined)])))
    : fc.constant({})
  return fc.record({
    auth: authArb(e),
    garbage: headerValue,
    body: hasBody ? bodyArb(sample.body ?? {}) : fc.constant<Body>({ kind: 'none' }),
    query: queryArb(sample.query),
    params: params as fc.Arbitrary<Record<string, ParamValue>>,
    headers: headersArb(sample.headers),
  }).map(({ auth, garbage, body, query, params: p, headers }) => {
    const { text, contentType } = bodyText(body, sample.body)
    const q = buildQuery(query)
    const all: Record<string, string> = { ...headers }
    if (e.auth === 'signed' && sign && (auth === 'valid' || auth === 'garbage')) Object.assign(all, sign(text ?? '', auth === 'garbage' ? garbage : undefined))
    else if (auth === 'valid') all.authorization = `Bearer ${tokens.valid()}`
    else if (auth === 'garbage') all.authorization = garbage.startsWith('B') ? garbage : `Bearer ${garbage}`
    if (auth === 'wrongKind') all.authorization = `Bearer ${tokens.wrongKind()}`
    if (contentType && contentType !== 'none') all['content-type'] = contentType
    const sendText = text !== undefined && contentType === 'none' ? Buffer.from(text) : text
    const outcome = bodyOutcome(body, text, contentType === 'none' ? undefined : contentType)
    const path = pathFor(e, p)
    return printable<ContractCase>({
      method: e.method, path, query: q.text || undefined, headers: all, body: sendText,
      note: `auth=${auth} body=${body.kind}`, routed: !Object.values(p).some((v) => v.raw),
      expect: withHeadLimit(headBytes(path, q.text, all), verdict(e, auth, contentType === 'none' && text !== undefined ? { value: undefined, odd: true } : outcome, q.parsed, p)),
    })
  })
}
