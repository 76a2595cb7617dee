// A case's version: a cheap answer to "has anything on its detail page changed?", so an open page can ask every
// second or two and read the whole detail only when the answer moves.
import crypto from 'node:crypto'
import type { ApplicationDetail } from '../../src/contract/progress'
import { applicationDetail } from './detail'
import type { Case, ProgressDeps } from './case'
import { statement } from './statements'
import { STAFF_ONLY_EVENT_TYPES } from '../../src/core/progress/events'

const HOUR = 3600_000
/** events the applicant's page never shows (the 小微 check): recording one must not make an open page read again */
const STAFF_ONLY = JSON.stringify(STAFF_ONLY_EVENT_TYPES)

/**
 * Everything the detail shows that can change after submission, in one indexed read: the newest event of the case
 * and of the other parts of its 一件事 (pushed and staff steps, the applicant's own actions, files handed in with
 * them; not the events kept for staff only), its complaints' newest step, its rating, and the utilities' outbox for those parts (接收中 → 已接收).
 */
const VERSION_SQL = `WITH parts AS (
    SELECT number FROM application WHERE number = @number
    UNION SELECT number FROM application WHERE joint_number = (SELECT joint_number FROM application WHERE number = @number)
  )
  SELECT (SELECT count(*) FROM parts) AS found,
    (SELECT max(id) FROM application_event WHERE application_number IN (SELECT number FROM parts)
      AND type NOT IN (SELECT value FROM json_each(@staffOnly))) AS events,
    (SELECT max(id) FROM complaint_event WHERE application_number = @number) AS complaints,
    (SELECT rated_at FROM rating WHERE application_number = @number) AS rated,
    (SELECT group_concat(id || state) FROM utility_outbox WHERE case_number IN (SELECT number FROM parts)) AS dispatch`

/**
 * The version of case `number` now; undefined when there is no such case. The hour is part of it: the clock
 * moves the days used and left, and what lapses, without any event. Hashed, so it says nothing about how busy
 * the service is.
 */
export function caseVersion(deps: ProgressDeps, number: string): string | undefined {
  const row = statement(deps.db, VERSION_SQL).get({ number, staffOnly: STAFF_ONLY }) as Record<string, unknown>
  if (!row.found) return undefined
  const hour = Math.floor(deps.now().getTime() / HOUR)
  const text = `${String(row.events)}|${String(row.complaints)}|${String(row.rated)}|${String(row.dispatch)}|${hour}`
  return crypto.createHash('sha256').update(text).digest('base64url').slice(0, 16)
}

/** The detail with the version it is current at (read in the same snapshot by the caller). */
export function versionedDetail(deps: ProgressDeps, c: Case, opts: { masked: boolean }): ApplicationDetail {
  return { ...applicationDetail(deps, c, opts), version: caseVersion(deps, c.row.number) ?? '' }
}
