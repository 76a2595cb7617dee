// 一证受理 follow-up: an application accepted on the ID alone, whose applicant hands in the property proof later
// (an e-licence fetched with their authorisation, a scanned 亮证 or certificate code, or a photo or PDF).
import type { ApplicationDetail } from '../../src/contract/progress'
import { ERRORS } from '../../src/contract/errors'
import { EVENT_TYPES } from '../../src/core/progress'
import { appendEvents } from '../applications/events'
import { AppError, fieldError } from '../http/app-error'
import { answersOf, requireAllowed, type Case, type ProgressDeps } from './case'

/** The undertaking's deadline as the application page words it (我愿意在施工接电前补交物权证明). */
export const UNDERTAKING_BY = '施工接电前'

const handedIn = (c: Case) => c.events.find((e) => e.type === EVENT_TYPES.propertyProofReceived)

/** What the detail says about a 一证受理 case's property proof; null when one was given at submission. */
export function propertyProofOf(c: Case): ApplicationDetail['propertyProof'] {
  const { materials } = answersOf(c.row)
  if (materials.property !== null) return null
  const received = handedIn(c)
  return { undertaken: materials.propertyUndertaking === true, by: UNDERTAKING_BY, handedInAt: received?.at ?? null }
}

/** Whether the applicant may hand the proof in now: 一证受理, not yet handed in, the case still open. */
export const mayHandInProof = (c: Case, proof = propertyProofOf(c)): boolean => c.facts.closed === null && proof?.handedInAt === null

/**
 * Records the property proof of a 一证受理 case: the material must be the applicant's own property proof and usable;
 * it then shows among the case's materials and staff see it. Call inside a transaction.
 */
export function handInPropertyProof(deps: ProgressDeps, c: Case, materialId: string): void {
  requireAllowed(c.facts.closed === null, '申请已办结、不予受理或已撤回，无需再补交')
  requireAllowed(propertyProofOf(c) !== null, '本申请提交时已提供物权证明，无需补交')
  requireAllowed(mayHandInProof(c), '物权证明已经补交，无需再次提交')
  const row = deps.db.prepare('SELECT kind, status, needs_review FROM material WHERE id = ? AND owner_id = ?').get(materialId, c.row.owner_id) as
    { kind: string; status: string; needs_review: number } | undefined
  if (!row || row.kind !== 'property') throw fieldError('materialId', '未找到该物权证明，请重新获取或上传')
  if (row.status === 'cancelled') throw new AppError('LICENCE_CANCELLED', `不动产权证书：${ERRORS.LICENCE_CANCELLED.msg}`)
  if (row.status === 'expired') throw new AppError('LICENCE_EXPIRED', `不动产权证书：${ERRORS.LICENCE_EXPIRED.msg}`)
  const [eventId] = appendEvents(deps.db, c.row.number,
    [{ type: EVENT_TYPES.propertyProofReceived, stage: null, actor: `applicant:${c.row.owner_id}`, payload: { materials: 1, review: row.needs_review === 1 } }], deps.now())
  deps.db.prepare('INSERT INTO supplement_file (application_number, event_id, upload_id, material_id) VALUES (?, ?, ?, ?)').run(c.row.number, eventId, null, materialId)
}
