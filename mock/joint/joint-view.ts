// A 一件事 as its applicant sees it from any of its cases: every case side by side, each with its own state and
// clock, and whether its utility has acknowledged it yet (接收中 while the outbox keeps trying).
import type { JointView } from '../../src/contract/progress'
import type { StaffCaseDetail } from '../../src/contract/staff'
import { stageName, type Progress } from '../../src/core/progress'
import { supplierName } from '../../src/core/services'
import type { Db } from '../db/open'
import { jointApplications, loadCase, type ApplicationRow, type Case, type ProgressDeps } from '../progress/case'
import { statement } from '../progress/statements'

type Delivery = JointView['parts'][number]['delivery']

/** How the case's dispatch stands: no outbox row means the enterprise works it in this system. */
export function deliveryOf(db: Db, number: string): Delivery {
  const row = statement(db, 'SELECT state FROM utility_outbox WHERE case_number = ? ORDER BY id DESC LIMIT 1').get(number) as { state: string } | undefined
  if (!row) return 'direct'
  return row.state === 'delivered' ? 'received' : row.state === 'refused' ? 'refused' : 'receiving'
}

export function jointView(deps: ProgressDeps, row: ApplicationRow, progressOf: (c: Case) => Progress): JointView | null {
  if (!row.joint_number) return null
  const parts = jointApplications(deps.db, row.joint_number).map((r) => {
    const c = loadCase(deps.db, r)
    const { process } = progressOf(c)
    return {
      number: r.number, serviceName: c.service.name, supplierName: supplierName(r.supplier), utility: c.service.utility,
      state: process.state, currentStageName: process.currentStage ? stageName(c.service, process.currentStage) : null,
      usedDays: process.usedDays, limitDays: process.limitDays, remainingDays: process.remainingDays, expectedBy: process.expectedBy,
      delivery: deliveryOf(deps.db, r.number),
    }
  })
  return { number: row.joint_number, parts }
}

/** How the case's dispatch stands, for staff: state, attempts, the utility's last answer; null when not dispatched. */
export function staffDispatchOf(db: Db, row: ApplicationRow): StaffCaseDetail['dispatch'] {
  const r = statement(db, 'SELECT state, attempts, last_status, last_error, utility_ref, delivered_at FROM utility_outbox WHERE case_number = ? ORDER BY id DESC LIMIT 1').get(row.number) as
    { state: 'pending' | 'delivered' | 'refused'; attempts: number; last_status: number | null; last_error: string | null; utility_ref: string | null; delivered_at: string | null } | undefined
  if (!r) return null
  return {
    jointNumber: row.joint_number, state: r.state === 'pending' ? 'receiving' : r.state === 'delivered' ? 'received' : 'refused',
    attempts: r.attempts, lastStatus: r.last_status, lastError: r.last_error, utilityRef: r.utility_ref, deliveredAt: r.delivered_at,
  }
}
