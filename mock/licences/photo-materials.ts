// Photo material: ID-card photos (recognised, or typed when not) and property-proof photos or PDFs.
import type { z } from 'zod'
import type { MaterialView, photoIdBody } from '../../src/contract/licences'
import { chinaDate } from '../../src/core/calendar/china-date'
import { checkIdNumber } from '../../src/core/validators'
import { AppError, fieldError } from '../http/app-error'
import { ocrChecks, parseValidDate, recogniseIdCard } from '../ocr/recognise'
import type { LicenceDeps } from './deps'
import type { IdCardFace } from './material-data'
import { materialFromPhoto } from './materials'
import { ownUpload } from './uploads'
import { requireConsent, requireIdentity, type YkbIdentity } from '../auth/users'
import { requireOwnId } from './own-id'

/** Name and number from the recognised front when they pass every check, else from what the applicant typed. */
function frontFace(sha256: string, typed: z.output<typeof photoIdBody>['typed'], now: Date): { face: IdCardFace; entry: 'ocr' | 'typed' } {
  const ocr = recogniseIdCard(sha256, 'front')
  if (ocr?.name && ocr.idNumber && ocrChecks(ocr, now).every((c) => c.ok)) {
    return { face: { name: ocr.name, idNumber: ocr.idNumber, ...(ocr.address ? { address: ocr.address } : {}) }, entry: 'ocr' }
  }
  if (!typed) throw fieldError('typed', '未能识别照片，请手动输入姓名和公民身份号码')
  const id = checkIdNumber(typed.idNumber, now)
  if (!id.ok) throw fieldError('typed.idNumber', id.message)
  return { face: { name: typed.name, idNumber: id.value }, entry: 'typed' }
}

/** Photo materials need consent and a real-name identity: whoever attaches an ID card can be checked against it. */
function requireApplicant(deps: LicenceDeps, userId: string): YkbIdentity {
  requireConsent(deps.db, userId)
  return requireIdentity(deps.db, userId)
}

export function photoIdCard(deps: LicenceDeps, userId: string, body: z.output<typeof photoIdBody>): MaterialView {
  const identity = requireApplicant(deps, userId)
  const front = ownUpload(deps, body.frontUploadId, userId)
  const back = ownUpload(deps, body.backUploadId, userId)
  if (front.id === back.id) throw fieldError('backUploadId', '人像面和国徽面请分别拍照上传')
  const now = deps.now()
  // the applicant's own card, not recognised: their 渝快办 identity stands for what the photo shows (staff compare)
  const own = body.whose === 'own'
  const { face, entry } = own && body.fromIdentity
    ? { face: { name: identity.name, idNumber: identity.id_number } as IdCardFace, entry: 'identity' as const }
    : frontFace(front.sha256, body.typed, now)
  if (own) requireOwnId(face.idNumber, identity.id_number)
  const validDate = recogniseIdCard(back.sha256, 'back')?.validDate
  const valid = validDate ? parseValidDate(validDate) : null
  if (valid?.to && valid.to < chinaDate(now)) throw new AppError('LICENCE_EXPIRED', `照片中的身份证已于${valid.to}过期，请使用有效身份证件`)
  if (valid) Object.assign(face, { validFrom: valid.from }, valid.to ? { validTo: valid.to } : {})
  return materialFromPhoto(deps.db, { ownerId: userId, kind: 'id-card', typeName: '居民身份证（照片）', uploads: [front, back], face, entry, now })
}

export function photoProperty(deps: LicenceDeps, userId: string, uploadId: string): MaterialView {
  requireApplicant(deps, userId)
  const upload = ownUpload(deps, uploadId, userId)
  return materialFromPhoto(deps.db, { ownerId: userId, kind: 'property', typeName: '物权证明（照片或PDF）', uploads: [upload], face: null, now: deps.now() })
}
