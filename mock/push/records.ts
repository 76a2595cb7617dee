// Stores a batch of pushed 办件 records in one transaction: all of it, or nothing when one record is refused.
import type { PushRecord } from '../../src/contract/progress'
import type { Db } from '../db/open'
import type { EventType } from '../../src/core/progress/events'
import { appendEvents, type NewEvent } from '../applications/events'
import { AppError } from '../http/app-error'
import { findApplication, loadCase, type ApplicationRow, type ProgressDeps } from '../progress/case'
import { queueNotice, type Notice } from '../progress/notify'
import type { PushClient } from './clients'
import { closedRefusal, historyRefusal, type Refusal } from './transitions'
import { chinaDate } from '../../src/core/calendar/china-date'

type Result = { recordId: string; status: 'stored' | 'duplicate'; eventId: number }

/** The event each push action records (a correction takes the type of the event it corrects). */
export const EVENT_OF: Record<Exclude<PushRecord['action'], 'correct'>, EventType> = {
  'stage-start': 'stage-started', 'stage-finish': 'stage-finished', 'supplement-request': 'supplement-requested',
  'supplement-receive': 'supplement-received', pause: 'paused', resume: 'resumed', complete: 'completed', reject: 'rejected',
}

const refused = (i: number, message: string, code: Refusal['code'] = 'PUSH_BAD_TRANSITION') => new AppError(code, undefined, [{ path: `records.${i}`, message }])

/** The enterprise's own fields; its times are kept as sent (ms) and never used to date the event. */
function payloadOf(r: PushRecord): Record<string, unknown> {
  const fields = {
    recordId: r.recordId, handler: r.handler, opinion: r.opinion, startTime: r.startTime, endTime: r.endTime,
    pauseReason: r.pauseReason, materials: r.materials, dueBy: r.dueBy,
  }
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined))
}

/** Record ids are each enterprise's own: another enterprise's record of the same id is none of this one's business. */
function storedEventId(db: Db, client: PushClient, recordId: string): number | undefined {
  const row = db.prepare('SELECT event_id FROM push_record WHERE app_key = ? AND record_id = ?').get(client.appKey, recordId) as { event_id: number } | undefined
  return row?.event_id
}

/** A correction: the corrected event's type, with the new stage, handler and opinion over the old ones. */
function correctionOf(db: Db, client: PushClient, r: PushRecord, i: number): NewEvent {
  if (!r.corrects) throw refused(i, '更正记录须在 corrects 中写明被更正记录的 recordId')
  const target = db.prepare(`SELECT e.id, e.type, e.stage, e.payload_json FROM push_record p JOIN application_event e ON e.id = p.event_id
    WHERE p.record_id = ? AND p.app_key = ? AND p.application_number = ?`).get(r.corrects, client.appKey, r.caseNumber) as
    { id: number; type: string; stage: string | null; payload_json: string } | undefined
  if (!target) throw refused(i, '未找到被更正的记录')
  const payload = { ...(JSON.parse(target.payload_json) as Record<string, unknown>), ...payloadOf(r) }
  return { type: target.type as EventType, stage: r.stage ?? target.stage, actor: `push:${client.appKey}`, payload, correctsId: target.id }
}

function caseOf(db: Db, client: PushClient, r: PushRecord, i: number): ApplicationRow {
  const row = findApplication(db, r.caseNumber)
  if (!row || row.supplier !== client.supplier) throw new AppError('NOT_FOUND', undefined, [{ path: `records.${i}.caseNumber`, message: '未找到该办件' }])
  return row
}

function storeOne(deps: ProgressDeps, client: PushClient, r: PushRecord, i: number, at: Date): { eventId: number; notice?: Notice } {
  const { db } = deps
  const c = loadCase(db, caseOf(db, client, r, i))
  const closed = closedRefusal(c.facts)
  if (closed) throw refused(i, closed)
  const event: NewEvent = r.action === 'correct'
    ? correctionOf(db, client, r, i)
    : { type: EVENT_OF[r.action], stage: r.stage ?? null, actor: `push:${client.appKey}`, payload: payloadOf(r) }
  const candidate = { id: Number.MAX_SAFE_INTEGER, type: event.type, stage: event.stage, at: at.toISOString(), payload: event.payload ?? {}, correctsId: event.correctsId ?? null }
  const checked = event.correctsId ?? candidate.id
  const why = historyRefusal(c.service, [...c.events, candidate], { ids: new Set([checked]), today: chinaDate(at) })
  if (why) throw refused(i, why.message, why.code)
  const [eventId] = appendEvents(db, r.caseNumber, [event], at)
  db.prepare('INSERT INTO push_record (record_id, app_key, application_number, event_id, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(r.recordId, client.appKey, r.caseNumber, eventId, at.toISOString())
  return { eventId, notice: event.correctsId ? undefined : queueNotice(db, c.row, c.service, candidate, at) }
}

/** Every record gets the server's time; a recordId seen before is answered 'duplicate' with its event, storing nothing. */
export function storeRecords(deps: ProgressDeps, client: PushClient, records: PushRecord[]): { results: Result[]; notices: Notice[] } {
  const at = deps.now()
  return deps.db.transaction(() => {
    const results: Result[] = []
    const notices: Notice[] = []
    records.forEach((r, i) => {
      const known = results.find((x) => x.recordId === r.recordId)?.eventId ?? storedEventId(deps.db, client, r.recordId)
      if (known !== undefined) return results.push({ recordId: r.recordId, status: 'duplicate', eventId: known })
      const { eventId, notice } = storeOne(deps, client, r, i, at)
      if (notice) notices.push(notice)
      return results.push({ recordId: r.recordId, status: 'stored', eventId })
    })
    return { results, notices }
  })()
}
