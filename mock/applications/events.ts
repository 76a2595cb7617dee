import type { Db } from '../db/open'
import type { Service } from '../../src/core/services'
import type { EventType } from '../../src/core/progress/events'
import type { SubmitInput } from './signature'
import { indexCase } from '../staff/case-index'
import { statement } from '../progress/statements'

export interface NewEvent {
  type: EventType
  stage: string | null
  actor: string
  payload?: Record<string, unknown>
  /** for a correction: the id of the event it corrects */
  correctsId?: number
}

/**
 * Appends to the stage history (the table refuses updates and deletes); times are the server's. Returns the new
 * ids. The one path every event takes, so it also re-indexes the case for staff search and statistics.
 */
export function appendEvents(db: Db, number: string, events: NewEvent[], at: Date): number[] {
  const insert = statement(db, `INSERT INTO application_event (application_number, type, stage, actor, at, payload_json, corrects_id)
    VALUES (?, ?, ?, ?, ?, ?, ?)`)
  const ids = events.map((e) =>
    Number(insert.run(number, e.type, e.stage, e.actor, at.toISOString(), JSON.stringify(e.payload ?? {}), e.correctsId ?? null).lastInsertRowid))
  indexCase(db, number)
  return ids
}

/** submitted, the first stage started, and for low voltage the contract signed at 受理签约. */
export function submitEvents(service: Service, ownerId: string, signature: SubmitInput['signature'], at: Date): NewEvent[] {
  const actor = `applicant:${ownerId}`
  const first = service.stages[0].code
  const events: NewEvent[] = [
    { type: 'submitted', stage: null, actor },
    { type: 'stage-started', stage: first, actor: 'system' },
  ]
  if (signature && service.signsContractOnApplying) {
    events.push({
      type: 'contract-signed', stage: first, actor,
      payload: { method: signature.method, contractHash: signature.contractHash, signedAt: at.toISOString() },
    })
  }
  return events
}
