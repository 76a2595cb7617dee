// What the applicant may do now, from the case's state.
import type { ApplicationDetail } from '../../src/contract/progress'
import { isRunning, type CaseFacts } from '../../src/core/progress'
import type { Service, Stage } from '../../src/core/services'

/** The 10 kV checkpoint in progress (设计审查 / 中间检查 / 竣工检验), whose materials may be uploaded now. */
export function runningCheckpoint(service: Service, facts: CaseFacts): Stage | undefined {
  if (facts.closed) return undefined
  return service.stages.flatMap((s) => s.checkpoints ?? []).find((c) => isRunning(facts, c.code))
}

export function actionsFor(service: Service, facts: CaseFacts, rated: boolean, disputed: boolean, proofDue: boolean): Omit<ApplicationDetail['actions'], 'complain'> {
  const open = facts.closed === null
  const checkpoint = runningCheckpoint(service, facts)
  return {
    withdraw: open,
    supplement: open && facts.openSupplement !== null,
    dispute: open && (facts.openSupplement ?? facts.openPause) !== null && !disputed,
    rate: facts.closed !== null && !rated,
    propertyProof: proofDue,
    checkpointUpload: checkpoint ? { stage: checkpoint.code, materials: [...checkpoint.materials] } : null,
  }
}
