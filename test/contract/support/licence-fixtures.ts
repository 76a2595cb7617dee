// Helpers for the e-licence, 亮证, upload and OCR contract tests. Applicants are created directly in the
// database (bound to a demo 渝快办 identity, with consent) so these tests do not depend on the login flow: what a
// sign-in through 渝快办 would have left (our copy of the identity, the user's grant from the simulator).
import crypto from 'node:crypto'
import type { AxiosInstance } from 'axios'
import { CONSENT_VERSION } from '../../../src/contract/auth'
import type { LicenceKind, Upload } from '../../../src/contract/licences'
import type { InProcess } from './in-process'
import { clientFor, form } from './fixtures'
import { DEMO_YKB_APP } from '../../../mock/config'
import { rememberPerson, storeGrant } from '../../../mock/auth/ykb-grants'
import { simIdentity } from '../../../mock/ykb/sim-store'

export interface TestApplicant {
  userId: string
  client: AxiosInstance
  /** every raw response body this applicant received, to look for unmasked personal data */
  bodies: string[]
  headers: { authorization: string }
}

/**
 * A new signed-in applicant; bound to `identity` (a demo key) when given, with consent unless `consent` is false.
 * An identity binds one user only: an earlier test user bound to it loses the binding.
 */
export function applicant(s: InProcess, o: { identity?: string; consent?: boolean } = {}): TestApplicant {
  const userId = `u_test_${crypto.randomBytes(6).toString('hex')}`
  const now = new Date()
  const at = now.toISOString()
  if (o.identity) {
    const who = s.ykbSim && simIdentity(s.ykbSim.db, o.identity)
    if (!who) throw new Error(`no demo 渝快办 identity ${o.identity} in the simulator`)
    rememberPerson(s.db, { userId: who.id, name: who.name, idNumber: who.id_number, mobile: who.mobile }, now)
    s.db.prepare('UPDATE app_user SET ykb_identity_id = NULL WHERE ykb_identity_id = ?').run(o.identity)
  }
  s.db.prepare('INSERT INTO app_user (id, wx_openid, ykb_identity_id, consent_version, consent_at, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(userId, `wx_${userId}`, o.identity ?? null, o.consent === false ? null : CONSENT_VERSION, o.consent === false ? null : at, at)
  if (o.identity && s.ykbSim) {
    const grant = s.ykbSim.grantFor(o.identity, DEMO_YKB_APP.appKey)
    storeGrant(s.db, userId, { accessToken: grant.accessToken, expiresAt: grant.expiresAt, userId: grant.identityId }, now)
  }
  const { token } = s.sessions.create('applicant', userId)
  const bodies: string[] = []
  return { userId, client: clientFor(s, token, bodies), bodies, headers: { authorization: `Bearer ${token}` } }
}

/** The text of the first <textarea> with this id or class on a page, unescaped. */
export function textareaText(html: string, selector: string): string[] {
  const re = new RegExp(`<textarea[^>]*(?:id|class)="${selector}"[^>]*>([^<]*)</textarea>`, 'g')
  return [...html.matchAll(re)].map((m) => m[1].replace(/&#(\d+);/g, (_x, n: string) => String.fromCharCode(Number(n))))
}

export async function holderPage(s: InProcess, identity: string, kind: LicenceKind): Promise<string> {
  const res = await fetch(`${s.url}/ykb/licence-show?identity=${identity}&kind=${kind}`)
  if (res.status !== 200) throw new Error(`holder page answered ${res.status}`)
  return res.text()
}

/** The 亮证 code text as the holder page shows it (what an H5 applicant copies and pastes). */
export async function holderCode(s: InProcess, identity: string, kind: LicenceKind): Promise<string> {
  return textareaText(await holderPage(s, identity, kind), 'qr-text')[0]
}

/** The 渝快办 use request behind one of our 亮证 requests (what the holder sees and decides in 渝快办). */
export function ykbTxnOf(s: InProcess, txnId: string): string {
  const row = s.db.prepare('SELECT ykb_txn_id FROM scan_txn WHERE id = ?').get(txnId) as { ykb_txn_id: string | null } | undefined
  if (!row?.ykb_txn_id) throw new Error(`no 渝快办 request behind ${txnId}`)
  return row.ykb_txn_id
}

/** Taps 同意用证 or 拒绝 on the holder page (a form POST) for our request `txnId`; returns the response (303 back to the page). */
export function decide(s: InProcess, txnId: string, decision: 'approve' | 'refuse', kind: LicenceKind = 'id-card'): Promise<Response> {
  return fetch(`${s.url}/ykb/licence-show/requests/${ykbTxnOf(s, txnId)}`, form({ decision, kind }))
}

/** The QR contents printed on a demo holder's paper property certificates. */
export async function paperQrs(s: InProcess, identity: string): Promise<string[]> {
  return textareaText(await (await fetch(`${s.url}/ykb/paper-qr?identity=${identity}`)).text(), 'paper-qr')
}

/** Uploads like Taro.uploadFile does: multipart, field `file`. Returns the HTTP status and the envelope. */
export async function upload(s: InProcess, a: TestApplicant | null, bytes: Uint8Array, name = 'photo.jpg', type = 'image/jpeg', field = 'file') {
  const body = new FormData()
  body.append(field, new Blob([new Uint8Array(bytes)], { type }), name)
  const res = await fetch(`${s.url}/api/uploads`, { method: 'POST', body, headers: a ? a.headers : {} })
  return { status: res.status, body: (await res.json()) as { code: string; msg: string; data: Upload | null; errors?: { path: string; message: string }[] } }
}

const u16 = (n: number) => Buffer.from([n >> 8, n & 0xff])
const u32 = (n: number) => { const b = Buffer.alloc(4); b.writeUInt32BE(n); return b }
const pngChunk = (type: string, data: Buffer) => Buffer.concat([u32(data.length), Buffer.from(type, 'latin1'), data, u32(0)])

/** The smallest well-formed JPEG header of a width × height image: SOI, a comment, a baseline frame header. */
export function jpegHead(width: number, height: number, comment = ''): Buffer {
  const text = Buffer.from(comment)
  return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xfe]), u16(text.length + 2), text,
    Buffer.from([0xff, 0xc0]), u16(17), Buffer.from([8]), u16(height), u16(width), Buffer.from([3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1])])
}

/** A PNG signature, its IHDR for width × height, and a text chunk. */
export function pngHead(width: number, height: number, text = ''): Buffer {
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', Buffer.concat([u32(width), u32(height), Buffer.from([8, 2, 0, 0, 0])])), pngChunk('tEXt', Buffer.from(`c\0${text}`, 'latin1'))])
}

/** A well-formed file header of a type (a 640 × 480 image, or a PDF) carrying `marker` inside, padded to `size`. */
export function sample(kind: 'jpeg' | 'png' | 'pdf', marker = 'sample', size = 0): Buffer {
  const bytes = { jpeg: () => jpegHead(640, 480, marker), png: () => pngHead(640, 480, marker), pdf: () => Buffer.from(`%PDF-1.7\n${marker}`) }[kind]()
  return size > bytes.length ? Buffer.concat([bytes, Buffer.alloc(size - bytes.length)]) : bytes
}

export async function demoImage(s: InProcess, side: 'front' | 'back'): Promise<Buffer> {
  return Buffer.from(await (await fetch(`${s.url}/ykb/demo/idcard-${side}.png`)).arrayBuffer())
}

/** Uploads and returns the id, failing the test when the upload is refused. */
export async function uploaded(s: InProcess, a: TestApplicant, bytes: Uint8Array, name?: string): Promise<string> {
  const r = await upload(s, a, bytes, name)
  if (!r.body.data) throw new Error(`upload refused: ${r.body.code}`)
  return r.body.data.uploadId
}
