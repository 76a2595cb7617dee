// Helpers for the staff contract tests: demo staff signed in through the real login endpoint, raw GETs for the
// CSV and file endpoints, and a scan for unmasked ID numbers and mobiles.
import type { AxiosInstance } from 'axios'
import type { Staff } from '../../../src/contract/staff'
import { callApi } from '../../../src/lib/http/client'
import { DEMO_STAFF } from '../../../mock/seed/demo-data'
import type { InProcess } from './in-process'
import type { AnswersInput } from '../../../src/contract/answers'
import { clientFor, newDraft, shopAnswers, signedBody, submit } from './fixtures'
import { applicant, sample, uploaded } from './licence-fixtures'
import { applyShop, push, rec, type Owner } from './progress-fixtures'

export type StaffName = (typeof DEMO_STAFF)[number]['username']

export interface SignedInStaff {
  staff: Staff
  token: string
  refreshToken: string
  client: AxiosInstance
  /** every raw response body this staff member received */
  bodies: string[]
}

export const passwordOf = (username: StaffName) => DEMO_STAFF.find((s) => s.username === username)?.password ?? ''

export async function staffSignIn(s: InProcess, username: StaffName): Promise<SignedInStaff> {
  const r = await callApi('staffLogin', { body: { username, password: passwordOf(username) } }, clientFor(s))
  const bodies: string[] = []
  return { staff: r.staff, token: r.session.token, refreshToken: r.session.refreshToken, client: clientFor(s, r.session.token, bodies), bodies }
}

/** A raw GET with a bearer token (CSV and files are served outside the envelope). */
export async function rawGet(s: InProcess, path: string, token?: string): Promise<Response> {
  return fetch(`${s.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} })
}

const UNMASKED = /\d{17}[\dXx]|(?:^|\D)1[3-9]\d{9}(?!\d)/g
/** sha256 hex (contract hashes) can hold digit runs by chance: they are not personal data. */
const HASH = /[0-9a-f]{64}/g

/** Full ID numbers (17 digits + digit/X) and mobiles (not inside a longer digit run) found in the text. */
export const unmaskedIn = (text: string): string[] => [...text.replace(HASH, '#').matchAll(UNMASKED)].map((m) => m[0])

export const accessRows = (s: InProcess) =>
  s.db.prepare('SELECT staff, action, target, detail FROM staff_access_log ORDER BY id').all() as { staff: string; action: string; target: string; detail: string }[]

/** A shop whose property proof is a photo (so it needs review); returns the case number and the photo's upload id. */
export async function applyShopWithPhoto(s: InProcess, o: Owner, township?: string): Promise<{ number: string; uploadId: string }> {
  const uploadId = await uploaded(s, o, sample('jpeg', 'property-photo'))
  const photo = await callApi('photoProperty', { body: { uploadId } }, o.client)
  return { number: await applyShop({ ...o, property: photo.materialId }, township), uploadId }
}

/** A shop like applyShop's, with its answers changed (mobile, business, place). */
export async function applyWith(o: Owner, change: (a: AnswersInput) => AnswersInput): Promise<string> {
  return (await submit(o, await signedBody(o, await newDraft(o), change(shopAnswers(o))))).number
}

/** An applicant with only an ID-card e-licence (王芳): their shops are 一证受理, the property proof to follow. */
export async function idOnlyOwner(s: InProcess, identity: string): Promise<Owner> {
  const a = applicant(s, { identity })
  const r = await callApi('licencesAuthorised', { body: { kinds: ['id-card'], useCause: '办理用电报装' } }, a.client)
  return { ...a, idCard: r.licences[0].materialId, property: null as unknown as string }
}

/** Sets the test clock to a China local time, 'YYYY-MM-DDTHH:mm'. */
export const setChinaTime = (clock: { set: (iso: string) => void }, local: string) => clock.set(new Date(`${local}:00+08:00`).toISOString())

/** At China time `local`, the enterprise pushes these records (signed, through the real endpoint); a refusal throws. */
export async function pushAt(s: InProcess, clock: { set: (iso: string) => void; now: () => Date; advance: (ms: number) => void }, local: string,
  supplier: 'sgcc-wanzhou' | 'sanxia', ...records: Parameters<typeof rec>[]): Promise<void> {
  setChinaTime(clock, local)
  const r = await push(s, clock, records.map((args) => rec(...args)), { supplier })
  if (r.code !== '00') throw new Error(`push refused: ${r.code} ${JSON.stringify(r.errors)}`)
}
