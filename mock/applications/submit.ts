import type { Receipt } from '../../src/contract/applications'
import type { Service } from '../../src/core/services'
import { chinaDate } from '../../src/core/calendar/china-date'
import { supplierFor } from '../../src/core/supply-settings'
import type { Db } from '../db/open'
import { AppError } from '../http/app-error'
import { requireConsent, requireIdentity, type YkbIdentity } from '../auth/users'
import { workingCalendar } from '../calendar-source'
import { hashOf } from './canonical'
import { checkAnswers, withContactMobile } from './answers-check'
import { checkMaterials } from './materials-check'
import { signatureErrors, type SubmitInput } from './signature'
import { remember, replay } from './idempotency'
import { nextApplicationNumber } from './number'
import { buildReceipt, storedReceipt } from './receipt'
import { appendEvents, submitEvents } from './events'
import { findApplication } from '../progress/case'
import { queueNotice } from '../progress/notify'
import { supplierNameFor } from './contract-summary'
import { currentSupply, serviceUnder } from '../supply-source'
import { recordDraftStart } from '../oversight/take-up'
import { openJoint, recordJointParts } from '../joint/record-parts'
import type { UtilityConnections } from '../utilities/connections'
import { unconnectedPartErrors } from '../joint/connected-parts'
import { statement } from '../progress/statements'
import { oweCheckIfDue } from '../sme-registry/owed'

export interface SubmitDeps {
  db: Db
  now: () => Date
  calendarOverrideFile: string
  /** the utilities this deployment reaches: a part for any other is refused */
  connections: UtilityConnections
}

/** All domain checks; returns what staff will review, or throws VALIDATION_FAILED / LICENCE_*. */
function validate(deps: SubmitDeps, ownerId: string, body: SubmitInput, at: Date, identity: YkbIdentity): string[] {
  const { db } = deps
  const answers = checkAnswers(body.answers, chinaDate(at), identity.mobile)
  const materials = checkMaterials(db, ownerId, body.answers, identity.id_number)
  const errors = [...answers.errors, ...unconnectedPartErrors(body.answers, deps.connections), ...materials.errors, ...signatureErrors(db, ownerId, body)]
  if (errors.length) throw new AppError('VALIDATION_FAILED', undefined, errors)
  if (materials.refusal) throw materials.refusal
  return [...materials.pendingReview, ...answers.pendingReview]
}

function record(deps: SubmitDeps, ownerId: string, body: SubmitInput, pendingReview: string[], at: Date, identityMobile: string): Receipt {
  const { db } = deps
  const supply = currentSupply(db)
  // the case keeps these settings' split and limits (supply_settings), whatever the configuration says later
  const service = serviceUnder(db, body.answers.service, supply.id) as Service
  const township = body.answers.address.townshipCode
  const stored = withContactMobile(body.answers, identityMobile)
  const jointNumber = openJoint(db, ownerId, stored, at)
  const number = nextApplicationNumber(db, at)
  const calendar = workingCalendar(deps.calendarOverrideFile)
  const expected = calendar.addWorkingDays(at, service.totalLimitDays)
  const receipt = buildReceipt({ number, service, supplierName: supplierNameFor(supply.settings, township), submittedAt: at, expected, pendingReview })
  // the electricity case keeps its own answers: each added service's answers and consent go with its own case
  const electricityAnswers = { ...stored, joint: undefined }
  statement(db, `INSERT INTO application (number, owner_id, draft_id, service, supplier, township_code, answers_json, signature_json,
    submitted_at, expected_by, expected_by_estimated, receipt_json, settings_id, joint_number) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    number, ownerId, body.draftId, service.code, supplierFor(supply.settings, township).supplier, township, JSON.stringify(electricityAnswers),
    body.signature ? JSON.stringify(body.signature) : null, at.toISOString(), expected.date, expected.estimated ? 1 : 0, JSON.stringify(receipt), supply.id, jointNumber)
  appendEvents(db, number, submitEvents(service, ownerId, body.signature, at), at)
  // 小微企业认定: only owed here; the registry is asked after the answer (mock/sme-registry), never holding this up
  oweCheckIfDue(db, number, service, stored.applicant, at)
  const row = findApplication(db, number)
  if (row) queueNotice(db, row, service, { type: 'submitted', stage: null, payload: {} }, at)
  statement(db, 'UPDATE draft SET submitted_number = ? WHERE id = ?').run(number, body.draftId)
  recordDraftStart(db, body.draftId, supplierFor(supply.settings, township).supplier, at.toISOString())
  if (!jointNumber) return receipt
  const joint = recordJointParts({ db, ownerId, draftId: body.draftId, answers: stored, at, calendar, settingsId: supply.id }, jointNumber)
  const full: Receipt = { ...receipt, joint }
  statement(db, 'UPDATE application SET receipt_json = ? WHERE number = ?').run(JSON.stringify(full), number)
  return full
}

/**
 * Submits a draft's answers as an application, in one transaction. The same key and body answer the stored
 * receipt; a draft already submitted answers its application's receipt (one application per draft).
 */
export function submitApplication(deps: SubmitDeps, ownerId: string, key: string, body: SubmitInput): Receipt {
  const { db } = deps
  const requestHash = hashOf(body)
  const at = deps.now()
  return db.transaction(() => {
    const replayed = replay(db, ownerId, key, requestHash)
    if (replayed) return replayed
    const draft = statement(db, 'SELECT owner_id, submitted_number FROM draft WHERE id = ?').get(body.draftId) as
      { owner_id: string; submitted_number: string | null } | undefined
    // Another user's draft answers exactly like a missing one: the refusal does not confirm that it exists.
    if (!draft || draft.owner_id !== ownerId) throw new AppError('NOT_FOUND', '未找到该草稿，请刷新后重新提交')
    let receipt = draft.submitted_number ? storedReceipt(db, draft.submitted_number, ownerId) : undefined
    if (!receipt) {
      // applying needs a real-name identity, so the ID card named is always checked against the person signed in
      requireConsent(db, ownerId)
      const identity = requireIdentity(db, ownerId)
      receipt = record(deps, ownerId, body, validate(deps, ownerId, body, at, identity), at, identity.mobile)
    }
    remember(db, ownerId, key, requestHash, receipt.number, at)
    return receipt
  })()
}
