// The verifier's side of 亮证 (begin, then poll until the holder decides in 渝快办) and of the paper-certificate QR,
// both through the 渝快办 gateway: we never see 渝快办's codes or catalogue except through its answers.
import type { LicenceKind, ScanStatus } from '../../src/contract/licences'
import { maskName } from '../../src/core/masking'
import { findIdentity, getUser } from '../auth/users'
import { AppError, fieldError } from '../http/app-error'
import { viaYkb } from '../ykb-gateway/errors'
import { YkbRefusal, YkbUnavailable } from '../ykb-gateway/port'
import type { LicenceDeps } from './deps'
import { KIND_SHORT } from './licence-lookup'
import { materialFromLicence } from './materials'
import { looksLikePaperQr, parsePaperQr } from './paper-qr'
import { closeTxn, createTxn, getTxn, isWaiting, ownTxn, statusOf, WAITING_MESSAGE } from './scan-txns'

/** The use cause recorded for licences read by scanning during an application. */
export const SCAN_USE_CAUSE = '用电报装'
/** 渝快办's dynamic 亮证 codes: `YKBLZ1:<kind>:<token>`; the kind is readable, the rest is 渝快办's to resolve. */
export const SHOW_CODE_PREFIX = 'YKBLZ1:'
const SHOW_CODE = /^YKBLZ1:(id-card|property):[A-Za-z0-9_-]{1,64}$/
/** Told while 渝快办 cannot be reached during the wait: the request stands, the app keeps asking. */
const RETRYING = '渝快办暂时无法访问，正在重试；也可以改用拍照上传'

function checkKind(found: LicenceKind, expect: LicenceKind, what: string): void {
  if (found !== expect) throw fieldError('qr', `这是${KIND_SHORT[found]}${what}，请在${KIND_SHORT[found]}一栏扫描`)
}

/** Who asks, as the holder sees it in 渝快办: the applicant's real name masked, or that they are not real-name verified. */
function requesterText(deps: LicenceDeps, userId: string): string {
  const user = getUser(deps.db, userId)
  const identity = user.ykb_identity_id ? findIdentity(deps.db, user.ykb_identity_id) : undefined
  return identity ? `${maskName(identity.name)}（渝快办实名用户）` : '微信用户（未实名）'
}

async function beginShowCode(deps: LicenceDeps, userId: string, qr: string, expect: LicenceKind): Promise<ScanStatus> {
  const m = SHOW_CODE.exec(qr)
  if (!m) throw new AppError('QR_INVALID', '亮证码内容不完整或格式不对，请重新扫描持证人渝快办中的亮证码')
  checkKind(m[1] as LicenceKind, expect, '亮证码')
  const kind = m[1] as LicenceKind
  const txn = await viaYkb(() => deps.ykb.createShowTxn({ showCode: qr, useCause: SCAN_USE_CAUSE, requester: requesterText(deps, userId) }), {
    QR_INVALID: () => new AppError('QR_INVALID', '亮证码内容不完整或格式不对，请重新扫描持证人渝快办中的亮证码'),
    QR_UNKNOWN: () => new AppError('QR_INVALID', '未找到该亮证码，请让持证人刷新亮证码后重新扫描'),
    QR_EXPIRED: () => new AppError('QR_EXPIRED'),
    LICENCE_NOT_FOUND: () => new AppError('LICENCE_NOT_FOUND', `持证人名下没有${KIND_SHORT[kind]}电子证照，请改用其他方式提供`),
  })
  const row = createTxn(deps.db, { userId, ykbTxnId: txn.txnId, kind, now: deps.now() })
  return statusOf(deps.db, row)
}

/** The certificate is in the applicant's hands: no holder authorisation, the material is there at once. */
async function beginPaper(deps: LicenceDeps, userId: string, qr: string, expect: LicenceKind): Promise<ScanStatus> {
  const paper = parsePaperQr(qr)
  checkKind('property', expect, '二维码')
  const licence = await viaYkb(() => deps.ykb.licenceByCertificate({ unitNo: paper.unitNo, certNo: paper.certNo, useCause: SCAN_USE_CAUSE }))
  if (!licence) throw new AppError('LICENCE_NOT_FOUND', '未查询到与该证书二维码对应的不动产权电子证照，请核对证书或改用拍照上传')
  const now = deps.now()
  return deps.db.transaction(() => {
    const material = materialFromLicence(deps.db, { ownerId: userId, licence, kind: 'property', source: 'paper-qr', useCause: SCAN_USE_CAUSE, now })
    const txn = createTxn(deps.db, { userId, ykbTxnId: null, kind: 'property', now, materialId: material.materialId })
    return { txnId: txn.id, status: 2 as const, material, message: '已通过证书二维码获取不动产权证书信息' }
  })()
}

/** Starts a use of a scanned code: a 亮证 code (waits for the holder) or a paper-certificate QR (done at once). */
export async function beginScan(deps: LicenceDeps, userId: string, qr: string, expect: LicenceKind): Promise<ScanStatus> {
  if (qr.startsWith(SHOW_CODE_PREFIX)) return beginShowCode(deps, userId, qr, expect)
  if (looksLikePaperQr(qr)) return beginPaper(deps, userId, qr, expect)
  throw new AppError('QR_INVALID')
}

/**
 * The request as the applicant who began it sees it. While it waits, 渝快办 is asked whether the holder decided;
 * on approval the licence is fetched and becomes the applicant's material in one transaction. When 渝快办 cannot
 * be reached the request simply keeps waiting (nothing is written) and says so.
 */
export async function txnStatus(deps: LicenceDeps, id: string, userId: string): Promise<ScanStatus> {
  const txn = ownTxn(deps.db, id, userId)
  const now = deps.now()
  if (txn.status !== 1) return statusOf(deps.db, txn)
  if (!isWaiting(txn, now) || !txn.ykb_txn_id) {
    closeTxn(deps.db, id, 3, now)
    return statusOf(deps.db, getTxn(deps.db, id)!)
  }
  try {
    const state = await deps.ykb.pollShowTxn(txn.ykb_txn_id)
    if (state.status === 'waiting') return statusOf(deps.db, txn)
    if (state.status !== 'approved') {
      closeTxn(deps.db, id, 3, now)
      return statusOf(deps.db, getTxn(deps.db, id)!)
    }
    const licence = await deps.ykb.showTxnLicence(txn.ykb_txn_id)
    deps.db.transaction(() => {
      if (getTxn(deps.db, id)?.status !== 1) return // another poll got there first
      const material = materialFromLicence(deps.db, { ownerId: userId, licence, kind: txn.kind, source: 'scanned', useCause: SCAN_USE_CAUSE, now })
      closeTxn(deps.db, id, 2, now, material.materialId)
    })()
    return statusOf(deps.db, getTxn(deps.db, id)!)
  } catch (err) {
    if (err instanceof YkbUnavailable) return statusOf(deps.db, txn, RETRYING)
    if (!(err instanceof YkbRefusal)) throw err
    // 渝快办 no longer knows the request (or will not give the licence): it ends refused, nothing half-written
    closeTxn(deps.db, id, 3, now)
    return statusOf(deps.db, getTxn(deps.db, id)!)
  }
}

export { WAITING_MESSAGE }
