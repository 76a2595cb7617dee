import crypto from 'node:crypto'
import type { AxiosInstance } from 'axios'
import { startInProcess, type InProcess } from './in-process'
import type { ServerConfig } from '../../../mock/server'
import type { Db } from '../../../mock/db/open'
import { demoIdNumber } from '../../../mock/seed/seed'
import { createHttp, callApi } from '../../../src/lib/http/client'
import { CONSENT_VERSION } from '../../../src/contract/auth'
import type { LoginResult, Me } from '../../../src/contract/auth'
import type { AnswersInput } from '../../../src/contract/answers'
import type { ApiError } from '../../../src/lib/http/api-error'

export const DEMO = { li: 'ykb-demo-li', wang: 'ykb-demo-wang', zhao: 'ykb-demo-zhao' } as const
export const CALLBACK = '/#/packages/account/pages/ykb-callback/index'

/** A settable clock for the server under test. */
export function makeClock(startIso: string) {
  let t = new Date(startIso).getTime()
  return { now: () => new Date(t), set: (iso: string) => { t = new Date(iso).getTime() }, advance: (ms: number) => { t += ms } }
}

/** Runs `fn` against a server of its own (own database, clock, limits), closed afterwards. */
export async function withServer(opts: Partial<ServerConfig>, fn: (s: InProcess) => Promise<void>): Promise<void> {
  const s = await startInProcess(opts)
  try {
    await fn(s)
  } finally {
    await s.close()
  }
}

/** The app's own client for this server, signed in with `token` when given; `bodies` records every raw response body. */
export function clientFor(s: InProcess, token?: string, bodies?: string[]): AxiosInstance {
  const client = createHttp(s.url)
  if (token) client.defaults.headers.common.authorization = `Bearer ${token}`
  if (bodies) {
    const parse = client.defaults.transformResponse
    client.defaults.transformResponse = [(data: unknown) => { bodies.push(String(data)); return data }, ...(Array.isArray(parse) ? parse : parse ? [parse] : [])]
  }
  return client
}

/** The query parameters a redirect carries, whether in the query string or at the end of a hash route. */
export function redirectParams(location: string): URLSearchParams {
  const hash = location.indexOf('#')
  const part = hash >= 0 ? location.slice(hash) : location
  return new URLSearchParams(part.includes('?') ? part.slice(part.indexOf('?') + 1) : '')
}

export const form = (fields: Record<string, string>) => ({
  method: 'POST', redirect: 'manual' as const, body: new URLSearchParams(fields).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
})

/** Taps 同意授权 on the mock 渝快办 consent page (over real HTTP) and returns the redirect's Location. */
export async function authorise(s: InProcess, identity: string, redirectUri = CALLBACK, state = 'st-1'): Promise<string> {
  const res = await fetch(`${s.url}/ykb/authorize`, form({ redirect_uri: redirectUri, state, scope: 'base,user,mobile', identity, decision: 'allow' }))
  const location = res.headers.get('location')
  if (res.status !== 302 || !location) throw new Error(`consent page answered ${res.status}`)
  return location
}

export interface Applicant {
  client: AxiosInstance
  session: LoginResult['session']
  me: Me
}

const asApplicant = (s: InProcess, r: LoginResult, bodies?: string[]): Applicant =>
  ({ client: clientFor(s, r.session.token, bodies), session: r.session, me: r.me })

/** Signs in a demo identity through the real consent flow; `as` binds it to an applicant already signed in. */
export async function signInYkb(s: InProcess, identity: string, as?: Applicant, bodies?: string[]): Promise<Applicant> {
  const code = redirectParams(await authorise(s, identity)).get('code') ?? ''
  return asApplicant(s, await callApi('loginYkb', { body: { code } }, as?.client ?? clientFor(s, undefined, bodies)), bodies)
}

export async function signInWechat(s: InProcess, code: string, bodies?: string[]): Promise<Applicant> {
  return asApplicant(s, await callApi('loginWechat', { body: { code } }, clientFor(s, undefined, bodies)), bodies)
}

/**
 * Logs out. Node's HTTP adapter keeps the client's JSON content type on a POST without data (browsers' XHR
 * drops it), and an empty JSON body is refused as BAD_REQUEST, so an empty object is sent.
 */
export const logout = (a: Applicant) => callApi('logout', { body: {} as never }, a.client)

export async function giveConsent(a: Applicant): Promise<Me> {
  return callApi('consent', { body: { version: CONSENT_VERSION, granted: true } }, a.client)
}

export interface MaterialRow {
  kind: 'id-card' | 'property'
  status?: 'current' | 'cancelled' | 'expired' | 'unverified'
  needsReview?: boolean
  /** the ID or certificate number the material carries (recognised, typed or from the licence) */
  number?: string
}

/** Inserts a material row as the e-licence or photo endpoints would leave it. */
export function insertMaterial(db: Db, ownerId: string, m: MaterialRow): string {
  const id = `m_${crypto.randomUUID()}`
  db.prepare(`INSERT INTO material (id, owner_id, kind, source, status, needs_review, data_json, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(id, ownerId, m.kind, m.needsReview ? 'photo' : 'authorised', m.status ?? 'current', m.needsReview ? 1 : 0,
    JSON.stringify(m.number ? { number: m.number } : {}), new Date().toISOString())
  return id
}

export function insertUpload(db: Db, ownerId: string): string {
  const id = `up_${crypto.randomUUID()}`
  db.prepare('INSERT INTO upload (id, owner_id, mime, size, sha256, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(id, ownerId, 'application/pdf', 1024, 'a'.repeat(64), new Date().toISOString())
  return id
}

/** Answers for a small shop in 瀼渡镇 (国网) with the given materials. */
export function shopAnswers(materials: { idCard: string; property: string | null }): AnswersInput {
  return {
    service: 'lv-business',
    applicant: { kind: 'business', businessName: '万州区明远小吃店', creditCode: '91350100M000100Y43', role: 'owner', mobile: '13800138000' },
    address: { townshipCode: '500101138', detail: '演示街8号1幢1-1' },
    load: { capacityKw: 20, use: 'shop' },
    materials: { idCard: { materialId: materials.idCard }, property: materials.property ? { materialId: materials.property } : null },
  }
}

export async function newDraft(a: Pick<Applicant, 'client'>, answers: unknown = {}): Promise<string> {
  const current = await callApi('draftGet', {}, a.client)
  const saved = await callApi('draftSave', { body: { answers: answers as Record<string, unknown>, page: 'check', version: current?.version ?? 0 } }, a.client)
  return saved.draftId
}

/** A signed submit body: reads the contract summary and signs its hash by tap. */
export async function signedBody(a: Pick<Applicant, 'client'>, draftId: string, answers: AnswersInput) {
  const summary = await callApi('contractSummary', { body: { answers } }, a.client)
  return { draftId, answers, signature: { method: 'tap' as const, contractHash: summary.hash } }
}

export const submit = (a: Pick<Applicant, 'client'>, body: unknown, key: string = crypto.randomUUID()) =>
  callApi('submit', { body: body as never, headers: { 'Idempotency-Key': key } }, a.client)

/** The error a call rejects with. */
export async function failure(p: Promise<unknown>): Promise<ApiError> {
  return p.then(() => { throw new Error('expected the call to fail') }, (e: ApiError) => e)
}

export interface Ready extends Applicant {
  idCard: string
  property: string
}

/** A demo identity signed in through the consent flow, consent given, with current ID (their own) and property materials. */
export async function readyApplicant(s: InProcess, identity: string): Promise<Ready> {
  const a = await signInYkb(s, identity)
  await giveConsent(a)
  const idCard = insertMaterial(s.db, a.me.userId, { kind: 'id-card', number: demoIdNumber(identity) })
  const property = insertMaterial(s.db, a.me.userId, { kind: 'property' })
  return { ...a, idCard, property }
}

/** A server on `now` with the given demo identities ready to apply (consent given, current materials). */
export async function startWithApplicants(now: () => Date, identities: string[]): Promise<{ s: InProcess; ready: Ready[] }> {
  const s = await startInProcess({ now })
  const ready: Ready[] = []
  for (const identity of identities) ready.push(await readyApplicant(s, identity))
  return { s, ready }
}
