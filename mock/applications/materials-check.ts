import type { Answers } from '../../src/contract/answers'
import type { FieldError } from '../../src/contract'
import { ERRORS } from '../../src/contract'
import type { Db } from '../db/open'
import { AppError } from '../http/app-error'

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

/** Every material and upload named must exist, belong to the user and be of the right kind; licences must be usable. */
export function checkMaterials(db: Db, ownerId: string, answers: Answers): MaterialsCheck {
  const { materials, applicant } = answers
  const agent = applicant.role === 'agent'
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
    const row = ref && db.prepare('SELECT kind, status, needs_review FROM material WHERE id = ? AND owner_id = ?').get(ref.materialId, ownerId) as
      { kind: string; status: string; needs_review: number } | undefined
    if (!row || row.kind !== kind) errors.push({ path: ref ? path : `answers.materials.${field}`, message: `请提供${label}材料` })
    else if (row.status === 'cancelled') refusals.push({ code: 'LICENCE_CANCELLED', error: { path, message: `${label}：${ERRORS.LICENCE_CANCELLED.msg}` } })
    else if (row.status === 'expired') refusals.push({ code: 'LICENCE_EXPIRED', error: { path, message: `${label}：${ERRORS.LICENCE_EXPIRED.msg}` } })
    else if (row.needs_review) pendingReview.push(`${label}照片将由工作人员核验`)
  }
  if (agent) {
    if (!ownedUpload(db, ownerId, applicant.agentLetterUploadId)) errors.push({ path: 'answers.applicant.agentLetterUploadId', message: '请上传授权委托书' })
    else pendingReview.push('授权委托书将由工作人员核验')
  }
  if (answers.service === 'hv-10kv') {
    if (!ownedUpload(db, ownerId, materials.projectApprovalUploadId)) {
      errors.push({ path: 'answers.materials.projectApprovalUploadId', message: '请上传用电工程项目批准文件' })
    } else pendingReview.push('用电工程项目批准文件将由工作人员核验')
  }
  const refusal = refusals.length ? new AppError(refusals[0].code, undefined, refusals.map((r) => r.error)) : undefined
  return { errors, refusal, pendingReview }
}
