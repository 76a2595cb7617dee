// One-time 6-digit codes for looking up an application without signing in. A code is only created when the
// number and the contact mobile match; every answer is the same either way. Only hashes are stored.
import crypto from 'node:crypto'
import { maskMobile } from '../../src/core/masking'
import { sha256Hex } from '../applications/canonical'
import type { Db } from '../db/open'
import { contactMobile, findApplication } from '../progress/case'
import { enqueueSms } from '../sms/outbox'

export const CODE_TTL_SECONDS = 300
export const MAX_CODE_ATTEMPTS = 5
export const CODE_ANSWER = { sent: true as const, ttlSeconds: CODE_TTL_SECONDS, message: '如编号和手机号匹配，验证码已发送' }

const mobileHash = (number: string, mobile: string) => sha256Hex(`lookup-mobile:${number}:${mobile}`)
const codeHash = (number: string, mobile: string, code: string) => sha256Hex(`lookup-code:${number}:${mobile}:${code}`)
/** Compared against when there is no code, so a miss costs the same as a wrong code. */
const NO_CODE = '0'.repeat(64)

export interface SentCode {
  number: string
  mobileMasked: string
  code: string
}

/**
 * Creates a code when the number and mobile match, and sends it: the SMS goes to the outbox (mock/sms) and a row
 * in `notification` records that it was sent, without the code (only its hash is kept, in lookup_code).
 */
export function issueCode(db: Db, number: string, mobile: string, now: Date): SentCode | undefined {
  const row = findApplication(db, number)
  if (!row || contactMobile(row) !== mobile) return undefined
  const code = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0')
  const expires = new Date(now.getTime() + CODE_TTL_SECONDS * 1000).toISOString()
  const sms = { number, mobileMasked: maskMobile(mobile), code }
  const text = (c: string) => `【万州办电】您正在查询申请${number}的办理进度，验证码${c}，${CODE_TTL_SECONDS / 60}分钟内有效。如非本人操作，请忽略。`
  db.transaction(() => {
    db.prepare('INSERT INTO lookup_code (number, mobile_hash, code_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)')
      .run(number, mobileHash(number, mobile), codeHash(number, mobile, code), now.toISOString(), expires)
    db.prepare("INSERT INTO notification (application_number, kind, template, created_at, payload_json) VALUES (?, 'sms', 'sms-lookup-code', ?, ?)")
      .run(number, now.toISOString(), JSON.stringify({ to: sms.mobileMasked, text: text('******') }))
    enqueueSms(db, { number, template: 'sms-lookup-code', to: mobile, text: text(code) }, now)
  })()
  return sms
}

/**
 * Whether this is the number's latest live code for that mobile. A wrong code spends one of its 5 attempts;
 * the right one is spent by using it. Every path hashes and compares once, found or not.
 */
export function useCode(db: Db, number: string, mobile: string, code: string, now: Date): boolean {
  const row = db.prepare(`SELECT id, code_hash, attempts FROM lookup_code WHERE number = ? AND mobile_hash = ? AND used_at IS NULL AND expires_at > ?
    ORDER BY id DESC LIMIT 1`).get(number, mobileHash(number, mobile), now.toISOString()) as { id: number; code_hash: string; attempts: number } | undefined
  const given = Buffer.from(codeHash(number, mobile, code), 'hex')
  const equal = crypto.timingSafeEqual(given, Buffer.from(row?.code_hash ?? NO_CODE, 'hex'))
  if (!row) return false
  const ok = equal && row.attempts < MAX_CODE_ATTEMPTS
  if (ok) db.prepare('UPDATE lookup_code SET used_at = ? WHERE id = ?').run(now.toISOString(), row.id)
  else db.prepare('UPDATE lookup_code SET attempts = attempts + 1 WHERE id = ?').run(row.id)
  return ok
}
