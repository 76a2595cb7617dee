// The stage history as progress derivation reads it, and how corrections take effect.

/** One entry of an application's history; `at` is the server's time (an ISO instant). */
export interface ProgressEvent {
  id: number
  type: string
  stage: string | null
  at: string
  payload: Record<string, unknown>
  /** the id of the event this one corrects, when it is a correction */
  correctsId: number | null
}

/** Event types that move a case. Others (submitted, contract-signed, checkpoint-materials, rated, urged, reassigned) only inform. */
export const EVENT_TYPES = {
  submitted: 'submitted',
  stageStarted: 'stage-started',
  stageFinished: 'stage-finished',
  supplementRequested: 'supplement-requested',
  supplementReceived: 'supplement-received',
  paused: 'paused',
  resumed: 'resumed',
  completed: 'completed',
  rejected: 'rejected',
  withdrawn: 'withdrawn',
  /** the applicant disputes the open pause or 补正 (informs staff; the clock is not changed by it) */
  disputed: 'disputed',
  /** staff record whether the case needs external line works (the national target depends on it) */
  externalWorks: 'external-works-recorded',
  /** staff moved the case to the other supply enterprise (the clock keeps running) */
  reassigned: 'reassigned',
  // informing only
  contractSigned: 'contract-signed',
  checkpointMaterials: 'checkpoint-materials',
  rated: 'rated',
  urged: 'urged',
  /** after 一证受理: the applicant hands in the property proof (an e-licence, a scanned code or a photo) */
  propertyProofReceived: 'property-proof-received',
  /** the national 小微企业名录's answer for the business's credit code (src/core/small-micro.ts), recorded once */
  smallMicroChecked: 'small-micro-checked',
} as const

/** Every type an event of the history may have: the one list the server writes and the screens name. */
export type EventType = (typeof EVENT_TYPES)[keyof typeof EVENT_TYPES]
export const ALL_EVENT_TYPES = Object.values(EVENT_TYPES) as EventType[]

/** Types recorded for staff only: the applicant's timeline leaves them out (the staff log shows every event). */
export const STAFF_ONLY_EVENT_TYPES: readonly EventType[] = [EVENT_TYPES.smallMicroChecked]

/** The latest record (in effective events) of whether the case needs external line works; null until staff make one. */
export function externalWorksIn(effective: ProgressEvent[]): boolean | null {
  const last = effective.filter((e) => e.type === EVENT_TYPES.externalWorks).at(-1)
  return last ? last.payload.needed === true : null
}

/** The event a correction chain starts from (a correction may itself be corrected). */
function rootOf(event: ProgressEvent, byId: Map<number, ProgressEvent>): number {
  let current = event
  for (let hops = 0; current.correctsId !== null && hops < byId.size; hops++) {
    const corrected = byId.get(current.correctsId)
    if (!corrected) break
    current = corrected
  }
  return current.id
}

/**
 * The history as it takes effect: a correction replaces the type, stage and payload of the event it corrects
 * (the latest correction wins), in that event's place and at that event's server time. Both stay in the log;
 * only derivation reads through corrections. Events must be in id order.
 */
export function effectiveEvents(events: ProgressEvent[]): ProgressEvent[] {
  const byId = new Map(events.map((e) => [e.id, e]))
  const replacement = new Map<number, ProgressEvent>()
  for (const e of events) if (e.correctsId !== null) replacement.set(rootOf(e, byId), e)
  return events
    .filter((e) => e.correctsId === null)
    .map((e) => {
      const r = replacement.get(e.id)
      return r ? { ...e, type: r.type, stage: r.stage, payload: r.payload } : e
    })
}
