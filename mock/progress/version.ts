// A case's version: a cheap answer to "has anything on its detail page changed?", so an open page can ask every
// second or two and read the whole detail only when the answer moves.
import type { ApplicationDetail } from '../../src/contract/progress'
import { applicationDetail } from './detail'
import type { ApplicationRow, Case, ProgressDeps } from './case'
import { statement } from './statements'
import { sha256 } from '../sha256'
import { STAFF_ONLY_EVENT_TYPES } from '../../src/core/progress/events'

const HOUR = 3600_000

/** The event types the applicant's page never shows, as SQL literals (constants of the code, not input). */
const STAFF_ONLY_LIST = STAFF_ONLY_EVENT_TYPES.map((t) => `'${t.replace(/'/g, "''")}'`).join(', ')

/**
 * Everything the detail shows that can change after submission, in one indexed read: the newest event of the case
 * (or of every part of its 一件事) — pushed and staff steps, the applicant's own actions, files handed in with
 * them; not the events kept for staff only — its complaints' newest step, its rating, and the utilities' outbox
 * for those parts (接收中 → 已接收). Two shapes, so that the common case (no 一件事) reads only by its own number.
 */
const versionSql = (parts: string) => `SELECT
    (SELECT max(id) FROM application_event WHERE application_number ${parts} AND type NOT IN (${STAFF_ONLY_LIST})) AS events,
    (SELECT max(id) FROM complaint_event WHERE application_number = @number) AS complaints,
    (SELECT rated_at FROM rating WHERE application_number = @number) AS rated,
    (SELECT group_concat(id || state) FROM utility_outbox WHERE case_number ${parts}) AS dispatch`
const ALONE_SQL = versionSql('= @number')
const JOINT_SQL = versionSql('IN (SELECT number FROM application WHERE joint_number = @joint)')

/**
 * The version of the case in `row` now. The hour is part of it: the clock moves the days used and left, and what
 * lapses, without any event. Hashed, so it says nothing about how busy the service is.
 */
export function caseVersion(deps: ProgressDeps, row: Pick<ApplicationRow, 'number' | 'joint_number'>): string {
  const r = (row.joint_number
    ? statement(deps.db, JOINT_SQL).get({ number: row.number, joint: row.joint_number })
    : statement(deps.db, ALONE_SQL).get({ number: row.number })) as Record<string, unknown>
  const hour = Math.floor(deps.now().getTime() / HOUR)
  const text = `${String(r.events)}|${String(r.complaints)}|${String(r.rated)}|${String(r.dispatch)}|${hour}`
  return sha256(text, 'base64url').slice(0, 16)
}

/** The detail with the version it is current at (read in the same snapshot by the caller). */
export function versionedDetail(deps: ProgressDeps, c: Case, opts: { masked: boolean }): ApplicationDetail {
  // added to the fresh detail, not spread into a copy: `{ ...o, k }` takes V8's slow path (about a microsecond here)
  return Object.assign(applicationDetail(deps, c, opts), { version: caseVersion(deps, c.row) })
}
