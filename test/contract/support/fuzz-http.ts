// Sending one fuzz request with raw fetch, and what every answer must satisfy: never 5xx, the documented
// envelope with a Chinese message, no stack trace or file path, nothing stored when the request was refused.
import fc from 'fast-check'
import type { z } from 'zod'
import { ERRORS, type ErrorCode } from '../../../src/contract'
import { errorEnvelopeSchema, okEnvelopeSchema } from '../../../src/contract/envelope'
import { healthSchema } from '../../../src/contract/system'
import type { Db } from '../../../mock/db/open'
import type { InProcess } from './in-process'
import { preview } from './fuzz-values'

export interface FuzzRequest {
  method: string
  /** already encoded */
  path: string
  /** already encoded, without '?' */
  query?: string
  headers: Record<string, string>
  body?: string | Uint8Array
  /** what was generated, for the failure message */
  note: string
}

export interface Answer {
  status: number
  contentType: string
  location: string | null
  text: string
}

export const describeRequest = (r: FuzzRequest) =>
  `${r.method} ${preview(r.path, 200)}${r.query ? `?${preview(r.query, 200)}` : ''} headers=${preview(r.headers, 200)} body=${r.body === undefined ? '(none)' : preview(typeof r.body === 'string' ? r.body : `<${r.body.length} bytes>`, 200)} [${r.note}]`

/** Gives a generated request a short printable form, so fast-check's counterexample stays readable. */
export function printable<T extends FuzzRequest>(r: T): T {
  return Object.assign(r, { [fc.toStringMethod]: () => describeRequest(r) })
}

export async function send(base: string, r: FuzzRequest): Promise<Answer> {
  const res = await fetch(`${base}${r.path}${r.query ? `?${r.query}` : ''}`, {
    method: r.method, headers: r.headers, body: r.body as BodyInit | undefined, redirect: 'manual',
  })
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', location: res.headers.get('location'), text: await res.text() }
}

/** Rows in every table: a refused request must change none of them. */
export function tableCounts(db: Db): Record<string, number> {
  const names = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map((t) => t.name)
  return Object.fromEntries(names.map((n) => [n, (db.prepare(`SELECT COUNT(*) AS n FROM "${n}"`).get() as { n: number }).n]))
}

export const changedTables = (before: Record<string, number>, after: Record<string, number>, ignore: readonly string[] = []) =>
  Object.keys(after).filter((t) => !ignore.includes(t) && before[t] !== after[t]).map((t) => `${t} ${before[t]}→${after[t]}`)

/** Counts cases and server errors over the whole file, and the codes each route answered. */
export class Tally {
  cases = 0
  serverErrors = 0
  readonly routes = new Map<string, Map<string, number>>()

  add(route: string, answer: Answer, code?: string): void {
    this.cases += 1
    if (answer.status >= 500) this.serverErrors += 1
    const codes = this.routes.get(route) ?? new Map<string, number>()
    const key = `${answer.status}${code ? ` ${code}` : ''}`
    codes.set(key, (codes.get(key) ?? 0) + 1)
    this.routes.set(route, codes)
  }

  summary(seed: number, seconds: number): string {
    const n = (x: number) => x.toLocaleString('en-US')
    return `fuzz: ${n(this.cases)} cases over ${this.routes.size} routes, ${n(this.serverErrors)} server errors (seed ${seed}, ${seconds.toFixed(1)} s)`
  }
}

export class FuzzFailure extends Error {}
export const fail = (what: string, r: FuzzRequest, a: Answer): never => {
  throw new FuzzFailure(`${what}\n  request: ${describeRequest(r)}\n  answer: ${a.status} ${a.contentType} ${preview(a.text, 400)}`)
}

const HAN = /\p{Script=Han}/u
const STACK = [/\n\s*at /, /\bat [\w.<>$]+ \(/, /\([^()]*:\d+:\d+\)/, /node_modules/, /\.ts:\d/, /\.js:\d/, new RegExp(process.cwd().replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))]

/** A stack trace or a server file path in the answer (one the request itself did not carry). */
export function leaks(text: string, sent: string): string[] {
  const found = STACK.filter((re) => re.test(text) && !re.test(sent)).map(String)
  if (text.includes('at ') && !sent.includes('at ') && text.trimStart().startsWith('{')) found.push('"at "')
  return found
}

export const sentText = (r: FuzzRequest) => `${r.path} ${r.query ?? ''} ${JSON.stringify(r.headers)} ${typeof r.body === 'string' ? r.body : r.body ? Buffer.from(r.body).toString('latin1') : ''}`

export interface Expectation {
  /** the request is valid as far as the contract's schemas tell: a 2xx is allowed */
  mayPass: boolean
  /** the error codes allowed, or 'any' documented code */
  allowed: readonly ErrorCode[] | 'any'
}

/** A refusal in the envelope: a documented code (never INTERNAL) with its status and a Chinese message. */
export function checkRefusal(r: FuzzRequest, a: Answer, allowed: Expectation['allowed']): ErrorCode {
  let body: unknown
  try {
    body = JSON.parse(a.text)
  } catch {
    return fail('refusal is not JSON', r, a)
  }
  const env = errorEnvelopeSchema.safeParse(body)
  if (!env.success) return fail('refusal is not the {code, msg, data: null} envelope with a documented code', r, a)
  const { code, msg, errors } = env.data
  if (code === 'INTERNAL') return fail('INTERNAL is not a refusal', r, a)
  if (ERRORS[code].http !== a.status) fail(`code ${code} came with HTTP ${a.status}, documented ${ERRORS[code].http}`, r, a)
  if (!HAN.test(msg)) fail('msg is not a Chinese message', r, a)
  for (const e of errors ?? []) if (!HAN.test(e.message)) fail(`field error message for ${e.path} is not Chinese`, r, a)
  if (allowed !== 'any' && !allowed.includes(code)) fail(`code ${code} where ${allowed.join(' or ')} was expected`, r, a)
  return code
}

/** A success in the envelope whose data keeps to the route's response schema. */
export function checkSuccess(r: FuzzRequest, a: Answer, response: z.ZodType): void {
  let body: unknown
  try {
    body = JSON.parse(a.text)
  } catch {
    fail('success is not JSON', r, a)
  }
  const ok = okEnvelopeSchema(response).safeParse(body)
  if (!ok.success) fail(`success breaks the response schema: ${ok.error.issues.slice(0, 3).map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`, r, a)
}

/** The things every answer must satisfy, whatever the route. */
export function checkCommon(r: FuzzRequest, a: Answer): void {
  if (a.status >= 500) fail(`server error ${a.status}`, r, a)
  const leaked = leaks(a.text, sentText(r))
  if (leaked.length) fail(`answer shows a stack trace or server path (${leaked.join(', ')})`, r, a)
}

export async function expectHealthy(s: InProcess): Promise<void> {
  const res = await fetch(`${s.url}/healthz`)
  expect(res.status).toBe(200)
  expect(healthSchema.safeParse(await res.json()).success).toBe(true)
}
