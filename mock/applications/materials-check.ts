import type { Answers } from '../../src/contract/answers'
import type { FieldError } from '../../src/contract'
import { ERRORS } from '../../src/contract'
import type { Db } from '../db/open'
import { AppError } from '../http/app-error'
import { NOT_OWN_ID, sameIdNumber } from '../licences/own-id'
import { asksFor, serviceByCode } from '../../src/core/services'
import { MESSAGES } from '../../src/core/answers/check-answers'
import { ADDRESS_MISMATCH, MISMATCH_REASON_LENGTH, certificateTownshipIfDifferent } from '../../src/core/address-match'

export interface MaterialsCheck {
  errors: FieldError[]
  /** LICENCE_CANCELLED / LICENCE_EXPIRED naming each unusable licence, when there is one */
  refusal?: AppError
  pendingReview: string[]
}

type MaterialField = 'idCard' | 'property' | 'agentIdCard'
const MATERIAL_FIELDS: { field: MaterialField; kind: 'id-card' | 'property'; label: string }[] = [
  { field: 'idCard', kind: 'id-card', label: '身份证' },
  { field: 'property', kind: 'property', label: '用电地址物权证明' },
  { field: 'agentIdCard', kind: 'id-card', label: '经办人身份证' },
]

function ownedUpload(db: Db, ownerId: string, uploadId: string | undefined): boolean {
  if (!uploadId) return false
  return db.prepare('SELECT 1 FROM upload WHERE id = ? AND owner_id = ?').get(uploadId, ownerId) !== undefined
}

/** Whose ID card must be the signed-in person's own: the owner's applying for themselves, the agent's otherwise. */
const OWN_ID_FIELD = { owner: 'idCard', agent: 'agentIdCard' } as const

/** The connection address against the certificate's 坐落: another township needs the applicant's reason, which staff check. */
function checkAddressAgainst(dataJson: string, address: Answers['address'], errors: FieldError[], pendingReview: string[]): void {
  const locatedAt = (JSON.parse(dataJson) as { face?: { location?: string } | null }).face?.location
  if (!locatedAt || !certificateTownshipIfDifferent(address.townshipCode, locatedAt)) return
  const reason = address.differsReason?.trim() ?? ''
  if ([...reason].length < MISMATCH_REASON_LENGTH.min) errors.push({ path: 'answers.address.differsReason', message: ADDRESS_MISMATCH.reasonRequired })
  else pendingReview.push(ADDRESS_MISMATCH.review(reason))
}

/**
 * Every material and upload named must exist, belong to the user and be of the right kind; licences must be
 * usable. `ownIdNumber` (the signed-in user's 渝快办 real-name identity's) must be on the ID card of whoever is
 * signed in: the owner applying in person, or the agent.
 */
export function checkMaterials(db: Db, ownerId: string, answers: Answers, ownIdNumber: string): MaterialsCheck {
  const { materials, applicant } = answers
  const agent = applicant.role === 'agent'
  const ownField = OWN_ID_FIELD[applicant.role]
  const errors: FieldError[] = []
  const refusals: { code: 'LICENCE_CANCELLED' | 'LICENCE_EXPIRED'; error: FieldError }[] = []
  const pendingReview: string[] = []

  for (const { field, kind, label } of MATERIAL_FIELDS) {
    if (field === 'agentIdCard' && !agent) continue
    const ref = materials[field]
    if (field === 'property' && ref === null) {
      pendingReview.push('用电地址物权证明待补交（一证受理）')
      continue
    }
    const path = `answers.materials.${field}.materialId`
    const row = ref && db.prepare('SELECT kind, status, needs_review, data_json FROM material WHERE id = ? AND owner_id = ?').get(ref.materialId, ownerId) as
      { kind: string; status: string; needs_review: number; data_json: string } | undefined
    const number = row && (JSON.parse(row.data_json) as { number?: string | null }).number
    if (!row || row.kind !== kind) errors.push({ path: ref ? path : `answers.materials.${field}`, message: `请提供${label}材料` })
    else if (field === ownField && !sameIdNumber(number, ownIdNumber)) errors.push({ path, message: NOT_OWN_ID[applicant.role] })
    else if (row.status === 'cancelled') refusals.push({ code: 'LICENCE_CANCELLED', error: { path, message: `${label}：${ERRORS.LICENCE_CANCELLED.msg}` } })
    else if (row.status === 'expired') refusals.push({ code: 'LICENCE_EXPIRED', error: { path, message: `${label}：${ERRORS.LICENCE_EXPIRED.msg}` } })
    else if (row.needs_review) pendingReview.push(`${label}照片将由工作人员核验`)
    if (row && field === 'property') checkAddressAgainst(row.data_json, answers.address, errors, pendingReview)
  }
  // A missing letter is the answers checker's (src/core/answers); here: the letter named must be the user's upload.
  const letter = agent ? applicant.agentLetterUploadId : undefined
  if (letter && !ownedUpload(db, ownerId, letter)) errors.push({ path: 'answers.applicant.agentLetterUploadId', message: MESSAGES.agentLetter })
  else if (letter) pendingReview.push('授权委托书将由工作人员核验')
  if (asksFor(serviceByCode(answers.service), 'project-approval')) {
    if (!ownedUpload(db, ownerId, materials.projectApprovalUploadId)) {
      errors.push({ path: 'answers.materials.projectApprovalUploadId', message: '请上传用电工程项目批准文件' })
    } else pendingReview.push('用电工程项目批准文件将由工作人员核验')
  }
  const refusal = refusals.length ? new AppError(refusals[0].code, undefined, refusals.map((r) => r.error)) : undefined
  return { errors, refusal, pendingReview }
}
