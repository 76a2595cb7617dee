// The parts of a 一件事, recorded in the submission's own transaction: the 一件事 itself, each recipient's consent
// decision as given, and for each provider the applicant agreed to share with one case (its own number, stages,
// clock and promised date) and one row in the durable outbox that sends it to the provider. A refused consent
// drops that part, never the application.
import type { Answers, JointPart } from '../../src/contract/answers'
import type { JointReceipt } from '../../src/contract/applications'
import { consentedParts } from '../../src/core/answers/check-joint'
import { providerByCode } from '../../src/core/providers'
import type { Service } from '../../src/core/services'
import { serviceUnder } from '../supply-source'
import type { Calendar } from '../../src/core/calendar/calendar'
import type { Db } from '../db/open'
import { buildReceipt } from '../applications/receipt'
import { appendEvents, submitEvents } from '../applications/events'
import { nextApplicationNumber } from '../applications/number'
import { applicantFrom, type ApplicantFacts } from '../staff/applicant'
import { enqueueDispatch } from '../utilities/outbox'
import { dispatchPayload } from './dispatch-payload'
import { nextJointNumber } from './number'
import { statement } from '../progress/statements'

export interface JointInput {
  db: Db
  ownerId: string
  draftId: string
  /** the answers as stored (contact mobile filled in), with the added services */
  answers: Answers
  at: Date
  calendar: Pick<Calendar, 'addWorkingDays'>
  /** the supply settings the submission is under (each part keeps its stage limits) */
  settingsId: number
}

/** Opens the 一件事 when at least one added service was agreed to; its number, or null. */
export function openJoint(db: Db, ownerId: string, answers: Answers, at: Date): string | null {
  if (consentedParts(answers.joint).length === 0) return null
  const number = nextJointNumber(db, at)
  statement(db, 'INSERT INTO joint_application (number, owner_id, created_at) VALUES (?, ?, ?)').run(number, ownerId, at.toISOString())
  return number
}

function recordConsent(db: Db, jointNumber: string, part: JointPart, service: Service, at: Date): void {
  statement(db, `INSERT INTO joint_consent (joint_number, service, provider, decision, purpose, data_items, decided_at)
    VALUES (?, ?, ?, ?, ?, ?, ?)`).run(jointNumber, service.code, service.provider, part.consent, service.sharing?.purpose ?? '',
    JSON.stringify(service.sharing?.dataItems ?? []), at.toISOString())
}

function recordPart(i: JointInput, jointNumber: string, part: JointPart, service: Service, applicant: ApplicantFacts): JointReceipt['parts'][number] {
  const { db, ownerId, at } = i
  const provider = providerByCode(service.provider)
  if (!provider) throw new Error(`service ${service.code} has no provider`)
  const number = nextApplicationNumber(db, at)
  const expected = i.calendar.addWorkingDays(at, service.totalLimitDays)
  const receipt = buildReceipt({ number, service, supplierName: provider.name, submittedAt: at, expected, pendingReview: [] })
  const answers: Answers = { ...i.answers, joint: [part] }
  const draftId = `${i.draftId}~${service.code}`
  statement(db, `INSERT INTO draft (id, owner_id, answers_json, page, version, updated_at, submitted_number) VALUES (?, ?, ?, 'check', 1, ?, ?)`)
    .run(draftId, ownerId, JSON.stringify(answers), at.toISOString(), number)
  statement(db, `INSERT INTO application (number, owner_id, draft_id, service, supplier, township_code, answers_json, signature_json,
    submitted_at, expected_by, expected_by_estimated, receipt_json, settings_id, joint_number) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?)`).run(
    number, ownerId, draftId, service.code, provider.code, answers.address.townshipCode, JSON.stringify(answers), at.toISOString(),
    expected.date, expected.estimated ? 1 : 0, JSON.stringify(receipt), i.settingsId, jointNumber)
  appendEvents(db, number, submitEvents(service, ownerId, undefined, at), at)
  if (provider.intake) {
    const payload = dispatchPayload(service, { db, ownerId, answers, applicant, partAnswers: part.answers })
    enqueueDispatch(db, { provider: provider.code, caseNumber: number, payload: { jointNumber, ...payload } }, at)
  }
  return { number, serviceName: service.name, supplierName: provider.name, limitDays: service.totalLimitDays, expectedBy: expected.date, expectedByEstimated: expected.estimated }
}

/** Records every added service's consent and each agreed part; the 一件事's receipt. */
export function recordJointParts(i: JointInput, jointNumber: string): JointReceipt {
  const parts: JointReceipt['parts'] = []
  const declined: string[] = []
  // who applied is the same for every case of the 一件事: read once
  const applicant = applicantFrom(i.db, i.ownerId, i.answers)
  for (const part of i.answers.joint ?? []) {
    const service = serviceUnder(i.db, part.service, i.settingsId)
    if (!service) continue
    recordConsent(i.db, jointNumber, part, service, i.at)
    if (part.consent === 'given') parts.push(recordPart(i, jointNumber, part, service, applicant))
    else declined.push(service.name)
  }
  return { number: jointNumber, parts, declined }
}
