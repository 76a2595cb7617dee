// A 一件事 as its applicant sees it from any of its cases: every case side by side, each with its own state and
// clock, and whether its utility has acknowledged it yet (接收中 while the outbox keeps trying).
import type { JointView } from '../../src/contract/progress'
import type { StaffCaseDetail } from '../../src/contract/staff'
import { stageName, type Progress } from '../../src/core/progress'
import { supplierName } from '../../src/core/services'
import type { Db } from '../db/open'
import { jointApplications, loadCase, type ApplicationRow, type Case, type ProgressDeps } from '../progress/case'
import { statement } from '../progress/statements'

interface DispatchRow {
  state: 'pending' | 'delivered' | 'refused'
  attempts: number
  last_status: number | null
  last_error: string | null
  utility_ref: string | null
  delivered_at: string | null
}

/** The case's latest row in the utilities' outbox; none means the enterprise works it in this system. */
const latestDispatch = (db: Db, number: string) =>
  statement(db, 'SELECT state, attempts, last_status, last_error, utility_ref, delivered_at FROM utility_outbox WHERE case_number = ? ORDER BY id DESC LIMIT 1')
    .get(number) as DispatchRow | undefined

/** The outbox's state in the applicant's and staff's words: 接收中 until the utility acknowledges. */
const DELIVERY = { pending: 'receiving', delivered: 'received', refused: 'refused' } as const

/**
 * The 一件事 of case `c` (whose progress is already derived), every case side by side; null for a case on its own.
 * The other cases are derived with `progressOf`.
 */
export function jointView(deps: ProgressDeps, c: Case, progress: Progress, progressOf: (c: Case) => Progress): JointView | null {
  if (!c.row.joint_number) return null
  const parts = jointApplications(deps.db, c.row.joint_number).map((r) => {
    const sibling = r.number === c.row.number ? c : loadCase(deps.db, r)
    const { process } = sibling === c ? progress : progressOf(sibling)
    const dispatch = latestDispatch(deps.db, r.number)
    return {
      number: r.number, serviceName: sibling.service.name, supplierName: supplierName(r.supplier), utility: sibling.service.utility,
      state: process.state, currentStageName: process.currentStage ? stageName(sibling.service, process.currentStage) : null,
      usedDays: process.usedDays, limitDays: process.limitDays, remainingDays: process.remainingDays, expectedBy: process.expectedBy,
      delivery: dispatch ? DELIVERY[dispatch.state] : 'direct' as const,
    }
  })
  return { number: c.row.joint_number, parts }
}

/** How the case's dispatch stands, for staff: state, attempts, the utility's last answer; null when not dispatched. */
export function staffDispatchOf(db: Db, row: ApplicationRow): StaffCaseDetail['dispatch'] {
  const r = latestDispatch(db, row.number)
  if (!r) return null
  return {
    jointNumber: row.joint_number, state: DELIVERY[r.state],
    attempts: r.attempts, lastStatus: r.last_status, lastError: r.last_error, utilityRef: r.utility_ref, deliveredAt: r.delivered_at,
  }
}
