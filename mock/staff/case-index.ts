// The per-case row (application_search) that the staff search and the monthly statistics read: lookup keys
// (ID number and mobile only as hashes), and the clock figures as of the case's last event. appendEvents
// re-indexes the case in the same transaction as every event it appends; indexMissingCases catches up
// databases from before schema 4 and rows written by code that bypassed appendEvents.
import { maskMobile, maskName } from '../../src/core/masking'
import type { Calendar } from '../../src/core/calendar/calendar'
import { chinaDate } from '../../src/core/calendar/china-date'
import { caseFigures } from '../../src/core/stats'
import { workingCalendar } from '../calendar-source'
import type { Db } from '../db/open'
import { findApplication, loadEvents, serviceOf, type ApplicationRow } from '../progress/case'
import { statement } from '../progress/statements'
import { applicantOf, searchHash } from './applicant'

/** The calendar override file each database's server uses; without one, the bundled calendar. */
const calendarFiles = new WeakMap<Db, string>()
export function useCalendarFile(db: Db, file: string): void {
  calendarFiles.set(db, file)
}
export const calendarFor = (db: Db): Calendar => workingCalendar(calendarFiles.get(db) ?? '')

/** '重庆市万州区鑫达火锅店' -> '鑫达火锅店': staff search businesses by their own name, not the place. */
export function businessKey(name: string): string {
  return name.replace(/^(重庆市?)?(万州区?)?/, '')
}

/** Fixed at submission (the answers and the ID-card material never change): written once. */
const IDENTITY = ['supplier', 'service', 'township_code', 'submitted_at', 'submitted_day', 'applicant_name', 'name_masked', 'business_name',
  'business_key', 'mobile_hash', 'mobile_masked', 'id_hash', 'credit_code', 'e_licences']
/** Changed by events: rewritten on each (an UPDATE that leaves the lookup indexes alone). */
const CLOCK = ['closed_type', 'closed_at', 'paused', 'current_stage', 'limit_days', 'ceiling_days', 'used_days', 'paused_days', 'anchor_at', 'expected_by',
  'due_index', 'overdue_since', 'external_works', 'stages_json', 'last_event_id']
const INSERT = `INSERT INTO application_search (number, ${[...IDENTITY, ...CLOCK].join(', ')})
  VALUES (@number, ${[...IDENTITY, ...CLOCK].map((c) => `@${c}`).join(', ')})`
const UPDATE = `UPDATE application_search SET ${CLOCK.map((c) => `${c} = @${c}`).join(', ')} WHERE number = @number`

/** 1 when none of the application's named materials is a photo: every one came from a 渝快办 e-licence (digital take-up). */
const E_LICENCES_ONLY = `SELECT NOT EXISTS (SELECT 1 FROM material m WHERE m.source = 'photo'
  AND m.id IN (SELECT json_extract(value, '$.materialId') FROM json_each(?, '$.materials') WHERE type = 'object')) AS only`

function identityColumns(db: Db, row: ApplicationRow): Record<string, unknown> {
  const who = applicantOf(db, row)
  return {
    supplier: row.supplier, service: row.service, township_code: row.township_code,
    submitted_at: row.submitted_at, submitted_day: chinaDate(new Date(row.submitted_at)),
    applicant_name: who.name ?? '', name_masked: who.name ? maskName(who.name) : '—',
    business_name: who.businessName, business_key: who.businessName && businessKey(who.businessName),
    mobile_hash: who.mobile && searchHash('mobile', who.mobile), mobile_masked: who.mobile ? maskMobile(who.mobile) : '—',
    id_hash: who.idNumber && searchHash('id-number', who.idNumber), credit_code: who.creditCode,
    e_licences: (statement(db, E_LICENCES_ONLY).get(row.answers_json) as { only: number }).only,
  }
}

/** Recomputes one case's clock figures from its whole history (adding its row at first). Call inside the writer's transaction. */
export function indexCase(db: Db, number: string, calendar: Calendar = calendarFor(db)): void {
  const row = findApplication(db, number)
  if (!row) return
  const events = loadEvents(db, number)
  const f = caseFigures({ service: serviceOf(db, row), submittedAt: row.submitted_at, events, calendar })
  const clock = {
    number, closed_type: f.closedType, closed_at: f.closedAt, paused: f.paused ? 1 : 0, current_stage: f.currentStage,
    limit_days: f.limitDays, ceiling_days: f.ceilingDays, used_days: f.usedDays, paused_days: f.pausedDays, anchor_at: f.anchorAt, expected_by: f.expectedBy,
    due_index: f.dueIndex, overdue_since: f.overdueSince, external_works: f.externalWorks === null ? null : Number(f.externalWorks), stages_json: JSON.stringify(f.stages),
    last_event_id: events.reduce((max, e) => Math.max(max, e.id), 0),
  }
  if (statement(db, UPDATE).run(clock).changes === 0) statement(db, INSERT).run({ ...clock, ...identityColumns(db, row) })
}

/** Indexes every case without a row, or whose row is behind its history. Returns how many it (re)indexed. */
export function indexMissingCases(db: Db): number {
  const stale = db.prepare(`SELECT a.number FROM application a LEFT JOIN application_search s ON s.number = a.number
    WHERE s.number IS NULL OR s.last_event_id < (SELECT MAX(e.id) FROM application_event e WHERE e.application_number = a.number)`)
    .pluck().all() as string[]
  const calendar = calendarFor(db)
  const BATCH = 1000
  for (let i = 0; i < stale.length; i += BATCH) {
    db.transaction(() => { for (const number of stale.slice(i, i + BATCH)) indexCase(db, number, calendar) })()
  }
  return stale.length
}
