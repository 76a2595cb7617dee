// Complaints made in the app: an append-only log of steps (complaint_event), folded into each complaint's state by
// src/core/complaints. The applicant files and closes, the staff of the case's enterprise answer; the monthly
// figures count them by the case's enterprise.
import crypto from 'node:crypto'
import type { ComplaintView } from '../../src/contract/complaints'
import { chinaDate } from '../../src/core/calendar/china-date'
import {
  answerOverdue, complaintAllows, COMPLAINT_ACTIONS, COMPLAINT_ANSWER_WORKING_DAYS, COMPLAINT_STATES, foldComplaints,
  type Complaint, type ComplaintEvent, type ComplaintRecord,
} from '../../src/core/complaints'
import { maskText } from '../../src/core/masking'
import { monthBounds } from '../../src/core/stats'
import { supplierName } from '../../src/core/services'
import type { Calendar } from '../../src/core/calendar/calendar'
import type { Db } from '../db/open'
import { AppError } from '../http/app-error'
import { statement } from '../progress/statements'

interface EventRow { complaint_id: string; type: ComplaintEvent['type']; at: string; text: string | null; answer_due: string | null; answer_due_estimated: number; actor: string }

function complaintsOf(db: Db, number: string): Complaint[] {
  const rows = statement(db, 'SELECT complaint_id, type, at, text, answer_due, answer_due_estimated, actor FROM complaint_event WHERE application_number = ? ORDER BY id').all(number) as EventRow[]
  return foldComplaints(rows.map((r) => ({
    complaintId: r.complaint_id, type: r.type, at: r.at, text: r.text, answerDue: r.answer_due, answerDueEstimated: r.answer_due_estimated === 1, actor: r.actor,
  })))
}

/** The case's complaints as applicant and staff see them (free text masked, as every free text on a case). */
export function complaintViews(db: Db, number: string, supplier: string, now: Date): ComplaintView[] {
  const today = chinaDate(now)
  return complaintsOf(db, number).map((c) => ({
    id: c.id, state: c.state, stateName: COMPLAINT_STATES[c.state].name, text: maskText(c.text), receivedAt: c.receivedAt,
    answerDue: c.answerDue, answerDueEstimated: c.answerDueEstimated, answerOverdue: answerOverdue(c, today),
    answer: c.answer && maskText(c.answer), answeredAt: c.answeredAt, answeredBy: c.answeredAt ? supplierName(supplier) : null, closedAt: c.closedAt,
  }))
}

/** No complaint among `views` (or the case's) is waiting for its answer. */
export const noneAwaitingAnswer = (complaints: { state: Complaint['state'] }[]) => !complaints.some((c) => c.state === 'received')
export const mayComplain = (db: Db, number: string) => noneAwaitingAnswer(complaintsOf(db, number))

const insert = (db: Db) => statement(db, `INSERT INTO complaint_event (complaint_id, application_number, type, actor, text, answer_due, answer_due_estimated, at)
  VALUES (@complaintId, @number, @type, @actor, @text, @answerDue, @estimated, @at)`)

/** Records a new complaint, its answer due COMPLAINT_ANSWER_WORKING_DAYS working days on. Call inside a transaction. */
export function fileComplaint(db: Db, number: string, ownerId: string, text: string, now: Date, calendar: Calendar): string {
  if (!mayComplain(db, number)) throw new AppError('COMPLAINT_OPEN')
  const due = calendar.addWorkingDays(now, COMPLAINT_ANSWER_WORKING_DAYS)
  const complaintId = `c_${crypto.randomUUID()}`
  insert(db).run({ complaintId, number, type: 'received', actor: `applicant:${ownerId}`, text, answerDue: due.date, estimated: due.estimated ? 1 : 0, at: now.toISOString() })
  return complaintId
}

/** Answers (staff) or closes (applicant) one complaint of the case; another case's complaint id is NOT_FOUND. Call inside a transaction. */
export function stepComplaint(db: Db, number: string, complaintId: string, action: keyof typeof COMPLAINT_ACTIONS, actor: string, text: string | null, now: Date): void {
  const complaint = complaintsOf(db, number).find((c) => c.id === complaintId)
  if (!complaint) throw new AppError('NOT_FOUND')
  if (!complaintAllows(complaint, action)) throw new AppError('COMPLAINT_STATE')
  insert(db).run({ complaintId, number, type: COMPLAINT_ACTIONS[action].to, actor, text, answerDue: null, estimated: 0, at: now.toISOString() })
}

/** The complaints received in the month at these enterprises (by each case's enterprise now), for the monthly figures. */
export function complaintRecords(db: Db, suppliers: readonly string[], month: string): ComplaintRecord[] {
  const b = monthBounds(month)
  return statement(db, `SELECT a.supplier AS supplier, r.at AS receivedAt, r.answer_due AS answerDue, ans.at AS answeredAt
    FROM complaint_event r JOIN application a ON a.number = r.application_number
    LEFT JOIN complaint_event ans ON ans.complaint_id = r.complaint_id AND ans.type = 'answered'
    WHERE r.type = 'received' AND r.at >= ? AND r.at < ? AND a.supplier IN (SELECT value FROM json_each(?))`)
    .all(b.start, b.end, JSON.stringify(suppliers)) as ComplaintRecord[]
}
