// Fuzzing the 渝快办 simulator's API (/ykb/open/v1, what our gateway calls) and its switches: hostile JSON bodies,
// path parameters and user tokens, correctly signed, badly signed and unsigned. Every answer is its envelope
// ({code, msg, data}, "00" exactly on success), never a 5xx.
import fc from 'fast-check'
import { DEMO_YKB_APP } from '../../../mock/config'
import { signedHeaders } from '../../../mock/push/signing'
import { SIM_API_PREFIX, USER_TOKEN_HEADER } from '../../../mock/ykb/sim-api'
import { SIM_SWITCHES_PATH } from '../../../mock/ykb/simulator'
import { fail, printable, type Answer, type FuzzRequest } from './fuzz-http'
import { runCase, RUNS, SEED } from './fuzz-run'
import { encode, headerValue, hostileUrlString, malformedJson, mutated, rawSegment, toJsonText } from './fuzz-values'
import type { InProcess } from './in-process'

export interface SimRoute {
  method: 'GET' | 'POST'
  path: string
  /** a valid body (POST) */
  body?: () => unknown
  /** a valid path parameter */
  param?: () => string
  /** sends the user's token */
  token?: boolean
}

const SIM_STATUSES = [200, 400, 401, 403, 404, 409, 410, 413, 415]
type Signing = 'signed' | 'wrong-secret' | 'unsigned' | 'garbage'
const signing = fc.oneof({ arbitrary: fc.constant<Signing>('signed'), weight: 6 }, { arbitrary: fc.constantFrom<Signing>('wrong-secret', 'unsigned', 'garbage'), weight: 2 })

/** Hostile requests to one route of the simulator's API. */
export async function fuzzSimApi(s: InProcess, r: SimRoute, token: () => string): Promise<void> {
  const cases = fc.record({
    fields: r.body ? fc.oneof({ arbitrary: mutated(r.body()), weight: 6 }, { arbitrary: fc.constant<unknown>(r.body()), weight: 1 }) : fc.constant<unknown>(undefined),
    broken: r.body ? fc.option(malformedJson(r.body()), { freq: 4 }) : fc.constant(null),
    signing,
    garbage: headerValue,
    userToken: fc.oneof({ arbitrary: fc.constant('valid'), weight: 3 }, { arbitrary: fc.constant(''), weight: 1 }, { arbitrary: headerValue, weight: 1 }),
    param: fc.oneof(fc.constant(r.param?.() ?? ''), hostileUrlString.filter((p) => !['', '.', '..'].includes(p)).map(encode), rawSegment),
  }).map(({ fields, broken, signing: how, garbage, userToken, param }) => {
    const path = `${SIM_API_PREFIX}${r.param ? r.path.replace(/:\w+/, param) : r.path}`
    const body = r.method === 'POST' ? (broken ?? toJsonText(fields) ?? '') : ''
    const credentials = how === 'wrong-secret' ? { ...DEMO_YKB_APP, secret: 'w'.repeat(48) } : DEMO_YKB_APP
    const headers: Record<string, string> = how === 'unsigned' ? {} : signedHeaders(credentials, body, new Date(), undefined, path, r.method)
    if (how === 'garbage') headers['x-signature'] = garbage
    if (r.token) headers[USER_TOKEN_HEADER] = userToken === 'valid' ? token() : userToken
    if (r.method === 'POST' && !headers['content-type']) headers['content-type'] = 'application/json'
    return printable<FuzzRequest>({ method: r.method, path, headers, body: r.method === 'POST' ? body : undefined, note: `signing=${how}` })
  })
  const check = (c: FuzzRequest, a: Answer): string | undefined => {
    if (!SIM_STATUSES.includes(a.status)) fail(`unexpected status ${a.status}`, c, a)
    if (a.status === 200 && a.contentType.startsWith('application/pdf')) return '00'
    if (!a.contentType.startsWith('application/json')) fail('the simulator answered something other than its envelope', c, a)
    const e = JSON.parse(a.text) as { code?: unknown; msg?: unknown; data?: unknown }
    if (typeof e.code !== 'string' || typeof e.msg !== 'string' || !('data' in e)) fail('not the simulator\'s envelope', c, a)
    if ((a.status === 200) !== (e.code === '00')) fail('code "00" and HTTP 200 disagree', c, a)
    return String(e.code)
  }
  await fc.assert(fc.asyncProperty(cases, (c) => runCase(s, `${r.method} ${SIM_API_PREFIX}${r.path}`, c, (a) => check(c, a))), { numRuns: RUNS, seed: SEED })
}

/** Hostile bodies for the switches: taken (200) or refused (400), never more; each case is undone after it. */
export async function fuzzSimSwitches(s: InProcess): Promise<void> {
  const reset = () => fetch(`${s.url}${SIM_SWITCHES_PATH}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{"delayMs":0,"failureRate":0,"badSignature":false}' })
  const sample = { delayMs: 0, failureRate: 0, badSignature: false }
  const cases = fc.oneof(mutated(sample).map((v) => toJsonText(v) ?? ''), malformedJson(sample)).map((body) =>
    printable<FuzzRequest>({ method: 'PUT', path: SIM_SWITCHES_PATH, headers: { 'content-type': 'application/json' }, body, note: 'switches' }))
  await fc.assert(fc.asyncProperty(cases, async (c) => {
    try {
      await runCase(s, `PUT ${SIM_SWITCHES_PATH}`, c, (a) => {
        if (![200, 400, 413, 415].includes(a.status)) fail(`unexpected status ${a.status}`, c, a)
        return a.status === 200 ? '00' : String(a.status)
      })
    } finally {
      await reset()
    }
  }), { numRuns: RUNS, seed: SEED })
}
