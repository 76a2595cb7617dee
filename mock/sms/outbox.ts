// The durable SMS outbox: a message is written in the same transaction as what caused it (a lookup code, a
// progress notice) and handed to the sender until it takes it. Once sent, the full mobile and any verification
// code are scrubbed (unless the sender is the demo's outbox page, which shows them).
import crypto from 'node:crypto'
import { maskMobile } from '../../src/core/masking'
import type { Db } from '../db/open'
import { backoffDelayMs, type Backoff } from '../http/backoff'
import type { SmsResult, SmsSender } from './port'
import { statement } from '../progress/statements'

/** 1 s doubling to a minute; after 10 attempts (about 4 minutes, when a lookup code has lapsed anyway) it fails. */
export const SMS_BACKOFF: Backoff = { baseMs: 1000, capMs: 60_000 }
export const SMS_MAX_ATTEMPTS = 10

export interface SmsRow {
  id: number
  message_id: string
  application_number: string | null
  template: string
  to_mobile: string
  text: string
  created_at: string
  state: 'pending' | 'sent' | 'failed'
  attempts: number
}

/** Queues one SMS; call inside the transaction that causes it. */
export function enqueueSms(db: Db, m: { number: string | null; template: string; to: string; text: string }, now: Date): void {
  statement(db, `INSERT INTO sms_outbox (message_id, application_number, template, to_mobile, text, created_at, next_attempt_at)
    VALUES (?, ?, ?, ?, ?, ?, ?)`).run(crypto.randomUUID(), m.number, m.template, m.to, m.text, now.toISOString(), now.toISOString())
}

export function dueSms(db: Db, now: Date, limit: number): SmsRow[] {
  return statement(db, `SELECT * FROM sms_outbox WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?`)
    .all(now.toISOString(), limit) as SmsRow[]
}

/** What stays of a sent message: the mobile masked, a verification code starred. */
const scrubbed = (text: string) => text.replace(/验证码\d{4,8}/g, '验证码******')

export function recordSms(db: Db, row: SmsRow, result: SmsResult, sender: SmsSender, now: Date, random?: () => number): void {
  const attempts = row.attempts + 1
  if (result.outcome === 'sent') {
    const keep = sender.kind === 'demo-outbox'
    statement(db, `UPDATE sms_outbox SET state = 'sent', attempts = ?, sent_at = ?, last_error = NULL, to_mobile = ?, text = ? WHERE id = ?`)
      .run(attempts, now.toISOString(), keep ? row.to_mobile : maskMobile(row.to_mobile), keep ? row.text : scrubbed(row.text), row.id)
  } else if (result.outcome === 'refused' || attempts >= SMS_MAX_ATTEMPTS) {
    statement(db, `UPDATE sms_outbox SET state = 'failed', attempts = ?, last_error = ?, to_mobile = ?, text = ? WHERE id = ?`)
      .run(attempts, result.error, maskMobile(row.to_mobile), scrubbed(row.text), row.id)
  } else {
    const next = new Date(now.getTime() + backoffDelayMs(attempts, SMS_BACKOFF, random))
    statement(db, 'UPDATE sms_outbox SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?').run(attempts, next.toISOString(), result.error, row.id)
  }
}

/** Messages waiting for the gateway, and those it refused or never took (for /healthz). */
export function smsBacklog(db: Db): { pending: number; failed: number } {
  return statement(db, `SELECT COUNT(*) FILTER (WHERE state = 'pending') AS pending, COUNT(*) FILTER (WHERE state = 'failed') AS failed FROM sms_outbox`)
    .get() as { pending: number; failed: number }
}

/** The latest messages, for the demo outbox page (mobiles masked). */
export function recentSms(db: Db, limit = 20): { number: string | null; createdAt: string; to: string; text: string; state: SmsRow['state'] }[] {
  return (statement(db, 'SELECT * FROM sms_outbox ORDER BY id DESC LIMIT ?').all(limit) as SmsRow[])
    .map((r) => ({ number: r.application_number, createdAt: r.created_at, to: maskMobile(r.to_mobile), text: r.text, state: r.state }))
}
