// The verifier's side of 亮证 (begin, holder decision) and of the paper-certificate QR.
import type { LicenceKind, ScanStatus } from '../../src/contract/licences'
import { findIdentity } from '../auth/users'
import { AppError, fieldError } from '../http/app-error'
import type { LicenceDeps } from './deps'
import { identityByIdNumber, KIND_SHORT, licenceByCertificate, licencesOf } from './licence-lookup'
import { materialFromLicence } from './materials'
import { looksLikePaperQr, parsePaperQr } from './paper-qr'
import { closeTxn, createTxn, getTxn, isWaiting, WAITING_MESSAGE } from './scan-txns'
import { resolveShowCode, SHOW_CODE_PREFIX } from './show-codes'

/** The use cause recorded for licences read by scanning during an application. */
export const SCAN_USE_CAUSE = '用电报装'

function checkKind(found: LicenceKind, expect: LicenceKind, what: string): void {
  if (found !== expect) throw fieldError('qr', `这是${KIND_SHORT[found]}${what}，请在${KIND_SHORT[found]}一栏扫描`)
}

function beginShowCode(deps: LicenceDeps, userId: string, qr: string, expect: LicenceKind, now: Date): ScanStatus {
  const code = resolveShowCode(deps.db, qr, now)
  checkKind(code.kind, expect, '亮证码')
  const holder = findIdentity(deps.db, code.identityId)
  if (!holder || licencesOf(deps.db, holder.id_number, code.kind).length === 0) {
    throw new AppError('LICENCE_NOT_FOUND', `持证人名下没有${KIND_SHORT[code.kind]}电子证照，请改用其他方式提供`)
  }
  const txn = createTxn(deps.db, { userId, identityId: holder.id, kind: code.kind, now })
  return { txnId: txn.id, status: 1, material: null, message: WAITING_MESSAGE }
}

/** The certificate is in the applicant's hands: no holder authorisation, the material is there at once. */
function beginPaper(deps: LicenceDeps, userId: string, qr: string, expect: LicenceKind, now: Date): ScanStatus {
  const paper = parsePaperQr(qr)
  checkKind('property', expect, '二维码')
  const licence = licenceByCertificate(deps.db, paper.unitNo, paper.certNo)
  const holder = licence && identityByIdNumber(deps.db, licence.holder_code)
  if (!licence || !holder) throw new AppError('LICENCE_NOT_FOUND', '未查询到与该证书二维码对应的不动产权电子证照，请核对证书或改用拍照上传')
  return deps.db.transaction(() => {
    const material = materialFromLicence(deps.db, { ownerId: userId, licence, kind: 'property', source: 'paper-qr', useCause: SCAN_USE_CAUSE, now })
    const txn = createTxn(deps.db, { userId, identityId: holder.id, kind: 'property', now, materialId: material.materialId })
    return { txnId: txn.id, status: 2 as const, material, message: '已通过证书二维码获取不动产权证书信息' }
  })()
}

/** Starts a use of a scanned code: a 亮证 code (waits for the holder) or a paper-certificate QR (done at once). */
export function beginScan(deps: LicenceDeps, userId: string, qr: string, expect: LicenceKind): ScanStatus {
  const now = deps.now()
  if (qr.startsWith(SHOW_CODE_PREFIX)) return beginShowCode(deps, userId, qr, expect, now)
  if (looksLikePaperQr(qr)) return beginPaper(deps, userId, qr, expect, now)
  throw new AppError('QR_INVALID')
}

/** The holder's decision in their 渝快办 app. Returns false when the request is no longer waiting. */
export function decideScan(deps: LicenceDeps, txnId: string, decision: 'approve' | 'refuse'): boolean {
  const now = deps.now()
  const txn = getTxn(deps.db, txnId)
  if (!txn || !isWaiting(txn, now)) return false
  deps.db.transaction(() => {
    const holder = findIdentity(deps.db, txn.identity_id)
    const licence = decision === 'approve' && holder ? licencesOf(deps.db, holder.id_number, txn.kind)[0] : undefined
    if (!licence) return closeTxn(deps.db, txnId, 3, now)
    const material = materialFromLicence(deps.db, { ownerId: txn.user_id, licence, kind: txn.kind, source: 'scanned', useCause: SCAN_USE_CAUSE, now })
    closeTxn(deps.db, txnId, 2, now, material.materialId)
  })()
  return true
}
