// The durable outbox of dispatches to the utilities: a row is written in the same transaction as the submission,
// and stays until the utility acknowledges it (or refuses it outright). Nothing is lost across a crash: a row sent
// but not yet marked is sent again, and the utility keeps one case per dispatch id.
import crypto from 'node:crypto'
import type { ProviderCode } from '../../src/core/providers'
import type { Db } from '../db/open'
import type { DeliveryResult } from './port'
import { backoffDelayMs, type Backoff } from '../http/backoff'
import { statement } from '../progress/statements'

export interface OutboxRow {
  id: number
  provider: ProviderCode
  dispatch_id: string
  case_number: string
  payload_json: string
  attempts: number
  state: 'pending' | 'delivered' | 'refused'
  next_attempt_at: string
  utility_ref: string | null
  last_status: number | null
  last_error: string | null
}

/** Exponential backoff with equal jitter (mock/http/backoff.ts): 2 s doubling to at most 10 minutes. */
export const BACKOFF: Backoff = { baseMs: 2000, capMs: 10 * 60 * 1000 }
export const retryDelayMs = (attempt: number, random: () => number = Math.random): number => backoffDelayMs(attempt, BACKOFF, random)

/** Queues one case for a utility; call inside the submission's transaction. Returns the dispatch id. */
export function enqueueDispatch(db: Db, d: { provider: ProviderCode; caseNumber: string; payload: Record<string, unknown> }, now: Date): string {
  const dispatchId = crypto.randomUUID()
  statement(db, `INSERT INTO utility_outbox (provider, dispatch_id, case_number, payload_json, created_at, next_attempt_at)
    VALUES (?, ?, ?, ?, ?, ?)`).run(d.provider, dispatchId, d.caseNumber, JSON.stringify(d.payload), now.toISOString(), now.toISOString())
  return dispatchId
}

export function dueRows(db: Db, now: Date, limit: number): OutboxRow[] {
  return statement(db, `SELECT * FROM utility_outbox WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?`)
    .all(now.toISOString(), limit) as OutboxRow[]
}

/** Records one attempt's result: delivered, refused (shown to staff), or the next attempt's time. */
export function recordAttempt(db: Db, row: OutboxRow, result: DeliveryResult, now: Date, random?: () => number): void {
  const attempts = row.attempts + 1
  if (result.outcome === 'acknowledged') {
    // the personal data it carried is the utility's now: not kept here once acknowledged
    statement(db, `UPDATE utility_outbox SET state = 'delivered', attempts = ?, delivered_at = ?, utility_ref = ?, last_status = ?, last_error = NULL, payload_json = '{}' WHERE id = ?`)
      .run(attempts, now.toISOString(), result.utilityRef, result.status, row.id)
  } else if (result.outcome === 'refused') {
    statement(db, `UPDATE utility_outbox SET state = 'refused', attempts = ?, last_status = ?, last_error = ? WHERE id = ?`)
      .run(attempts, result.status, result.error, row.id)
  } else {
    const next = new Date(now.getTime() + retryDelayMs(attempts, random))
    statement(db, 'UPDATE utility_outbox SET attempts = ?, next_attempt_at = ?, last_status = ?, last_error = ? WHERE id = ?')
      .run(attempts, next.toISOString(), result.status, result.error, row.id)
  }
}

/** How the dispatches of one case stand, for the applicant (接收中 until acknowledged) and staff. */
export function dispatchesOf(db: Db, caseNumber: string): OutboxRow[] {
  return statement(db, 'SELECT * FROM utility_outbox WHERE case_number = ? ORDER BY id').all(caseNumber) as OutboxRow[]
}

export function outboxBacklog(db: Db): { pending: number; refused: number } {
  return statement(db, `SELECT COUNT(*) FILTER (WHERE state = 'pending') AS pending, COUNT(*) FILTER (WHERE state = 'refused') AS refused FROM utility_outbox`)
    .get() as { pending: number; refused: number }
}
