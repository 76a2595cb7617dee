// The 小微 checks owed: a row is written in the submission's own transaction (the applicant never waits for the
// registry), and stays owed until the registry's answer is recorded as the case's `small-micro-checked` event, in
// one transaction with the row's settling. Crash-safe: a worker killed between asking and recording leaves the row
// owed, so the registry is simply asked again (a read); a second worker's answer finds the row settled and records
// nothing. A failed attempt only moves the row's next attempt (exponential backoff with jitter), never an event.
import { EVENT_TYPES } from '../../src/core/progress/events'
import { owesSmallMicroCheck, type SmallMicroResult } from '../../src/core/small-micro'
import type { Service } from '../../src/core/services'
import type { Answers } from '../../src/contract/answers'
import { checkCreditCode } from '../../src/core/validators'
import type { Db } from '../db/open'
import { appendEvents } from '../applications/events'
import { backoffDelayMs, type Backoff } from '../http/backoff'
import { statement } from '../progress/statements'
import type { SmeLookup } from './port'

export interface OwedCheck {
  application_number: string
  credit_code: string
  state: 'owed' | 'recorded'
  attempts: number
  next_attempt_at: string
  last_error: string | null
  created_at: string
}

/** A failed lookup is tried again 15–30 s later, the wait doubling with each failure to at most an hour (equal jitter). */
export const RETRY: Backoff = { baseMs: 30_000, capMs: 60 * 60 * 1000 }
export const retryDelayMs = (attempt: number, random: () => number = Math.random): number => backoffDelayMs(attempt, RETRY, random)

/**
 * Records that a case's business is to be checked, when its service and applicant kind owe one (src/core/small-micro.ts);
 * call inside the submission's transaction. Returns whether a check is owed.
 */
export function oweCheckIfDue(db: Db, number: string, service: Service, applicant: Pick<Answers['applicant'], 'kind' | 'creditCode'>, now: Date): boolean {
  const code = checkCreditCode(applicant.creditCode ?? '')
  if (!code.ok || !owesSmallMicroCheck(service, applicant.kind, code.value)) return false
  statement(db, `INSERT OR IGNORE INTO small_micro_check (application_number, credit_code, created_at, next_attempt_at) VALUES (?, ?, ?, ?)`)
    .run(number, code.value, now.toISOString(), now.toISOString())
  return true
}

export function dueChecks(db: Db, now: Date, limit: number): OwedCheck[] {
  return statement(db, `SELECT * FROM small_micro_check WHERE state = 'owed' AND next_attempt_at <= ? ORDER BY next_attempt_at, application_number LIMIT ?`)
    .all(now.toISOString(), limit) as OwedCheck[]
}

export function owedCheckOf(db: Db, number: string): OwedCheck | undefined {
  return statement(db, 'SELECT * FROM small_micro_check WHERE application_number = ?').get(number) as OwedCheck | undefined
}

/** The event's payload for an answer: the result and what it rests on (no personal data: a business's register entry). */
function payloadOf(answer: Exclude<SmeLookup, { outcome: 'unavailable' }>): { smallMicro: SmallMicroResult } & Record<string, unknown> {
  if (answer.outcome === 'not-found') return { smallMicro: 'not-found', registrySource: answer.source }
  const r = answer.record
  return { smallMicro: r.scale, basis: r.basis, registrySource: r.source, registryDate: r.recordedOn }
}

/**
 * Records one lookup's outcome. An answer (found or not found) becomes the case's event and settles the row, once:
 * returns false when the row was already settled (another worker recorded it). A failure moves the next attempt.
 */
export function recordLookup(db: Db, row: OwedCheck, result: SmeLookup, now: Date, random?: () => number): boolean {
  return db.transaction(() => {
    if (result.outcome === 'unavailable') {
      const attempts = row.attempts + 1
      const next = new Date(now.getTime() + retryDelayMs(attempts, random))
      statement(db, `UPDATE small_micro_check SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE application_number = ? AND state = 'owed'`)
        .run(attempts, next.toISOString(), result.reason, row.application_number)
      return false
    }
    const settled = statement(db, `UPDATE small_micro_check SET state = 'recorded', attempts = attempts + 1, last_error = NULL, recorded_at = ?
      WHERE application_number = ? AND state = 'owed'`).run(now.toISOString(), row.application_number)
    if (settled.changes === 0) return false
    appendEvents(db, row.application_number, [{ type: EVENT_TYPES.smallMicroChecked, stage: null, actor: 'system', payload: payloadOf(result) }], now)
    return true
  })()
}

/** How many checks are owed (for /healthz-like figures and the log). */
export const owedCount = (db: Db): number => statement(db, `SELECT COUNT(*) FROM small_micro_check WHERE state = 'owed'`).pluck().get() as number
