// 好差评: one rating per 办件 once it ends (completed, refused 不予受理 or withdrawn), as the national rule has it; 不满意 / 非常不满意 is followed up within 15 working days.
import type { z } from 'zod'
import type { ratingBody, ratingSchema } from '../../src/contract/progress'
import { workingCalendar } from '../calendar-source'
import type { Db } from '../db/open'
import { appendEvents } from '../applications/events'
import { AppError } from '../http/app-error'
import { requireAllowed, type Case, type ProgressDeps } from './case'
import { statement } from './statements'

type Rating = z.infer<typeof ratingSchema>

/** Working days within which a bad rating is followed up (State Council 好差评 rule; Sichuan example). */
export const FOLLOW_UP_WORKING_DAYS = 15

export function ratingOf(db: Db, number: string): Rating | null {
  const row = statement(db, 'SELECT grade, indicators_json, comment, rated_at FROM rating WHERE application_number = ?').get(number) as
    { grade: number; indicators_json: string; comment: string | null; rated_at: string } | undefined
  if (!row) return null
  return { grade: row.grade, indicators: JSON.parse(row.indicators_json) as Rating['indicators'], comment: row.comment, ratedAt: row.rated_at }
}

/** Records the rating (and a follow-up for grades 1–2) and appends 'rated'. Call inside a transaction. */
export function rateCase(deps: ProgressDeps, c: Case, body: z.output<typeof ratingBody>): void {
  const { db } = deps
  const number = c.row.number
  if (ratingOf(db, number)) throw new AppError('ALREADY_RATED')
  requireAllowed(c.facts.closed !== null, '办结、不予受理或撤回后才能评价')
  const at = deps.now()
  db.prepare('INSERT INTO rating (application_number, owner_id, grade, indicators_json, comment, rated_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(number, c.row.owner_id, body.grade, JSON.stringify(body.indicators ?? {}), body.comment || null, at.toISOString())
  let followUpBy: string | undefined
  if (body.grade <= 2) {
    const deadline = workingCalendar(deps.calendarOverrideFile).addWorkingDays(at, FOLLOW_UP_WORKING_DAYS)
    db.prepare('INSERT INTO rating_follow_up (application_number, grade, created_at, deadline, deadline_estimated) VALUES (?, ?, ?, ?, ?)')
      .run(number, body.grade, at.toISOString(), deadline.date, deadline.estimated ? 1 : 0)
    followUpBy = deadline.date
  }
  appendEvents(db, number, [{ type: 'rated', stage: null, actor: `applicant:${c.row.owner_id}`, payload: { grade: body.grade, followUpBy } }], at)
}
