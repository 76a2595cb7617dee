import { z } from 'zod'
import { endpoint } from './endpoint'
import { ROUTES } from './routes'
import { loginResultSchema, meSchema, sessionSchema, wechatLoginBody, ykbLoginBody, refreshBody, consentBody } from './auth'
import {
  authorisedFetchBody, authorisedFetchResult, scanBeginBody, scanStatusSchema, uploadSchema, ocrBody, ocrResultSchema,
  photoIdBody, photoPropertyBody, materialViewSchema,
} from './licences'
import { answersSchema } from './answers'
import { draftSchema, draftSaveBody, contractSummarySchema, submitBody, receiptSchema } from './applications'

const ok = z.object({ ok: z.literal(true) })

export const journeyEndpoints = {
  loginWechat: endpoint({
    ...ROUTES.loginWechat, summary: '微信登录：Taro.login 的 code 换会话', auth: 'none',
    body: wechatLoginBody, response: loginResultSchema, errors: ['LOGIN_CODE_INVALID', 'RATE_LIMITED'],
  }),
  loginYkb: endpoint({
    ...ROUTES.loginYkb, summary: '渝快办授权登录：一次性授权码换实名身份和会话', auth: 'none',
    body: ykbLoginBody, response: loginResultSchema, errors: ['LOGIN_CODE_INVALID', 'RATE_LIMITED', 'YKB_UNAVAILABLE'],
  }),
  refresh: endpoint({
    ...ROUTES.refresh, summary: '刷新会话', auth: 'none',
    body: refreshBody, response: sessionSchema, errors: ['SESSION_EXPIRED'],
  }),
  logout: endpoint({
    ...ROUTES.logout, summary: '退出登录，作废会话', auth: 'applicant', response: ok, errors: ['UNAUTHENTICATED', 'SESSION_EXPIRED'],
  }),
  me: endpoint({
    ...ROUTES.me, summary: '当前用户（脱敏）', auth: 'applicant', response: meSchema, errors: ['UNAUTHENTICATED', 'SESSION_EXPIRED'],
  }),
  consent: endpoint({
    ...ROUTES.consent, summary: '同意或拒绝个人信息收集说明（单独同意）', auth: 'applicant',
    body: consentBody, response: meSchema, errors: ['UNAUTHENTICATED', 'SESSION_EXPIRED'],
  }),
  licencesAuthorised: endpoint({
    ...ROUTES.licencesAuthorised, summary: '授权调取本人电子证照（身份证、不动产权证书）', auth: 'applicant',
    body: authorisedFetchBody, response: authorisedFetchResult,
    errors: ['UNAUTHENTICATED', 'SESSION_EXPIRED', 'YKB_AUTH_REQUIRED', 'CONSENT_REQUIRED', 'YKB_UNAVAILABLE'],
  }),
  scanBegin: endpoint({
    ...ROUTES.scanBegin, summary: '提交扫描到的亮证码或不动产权证书二维码，开始用证', auth: 'applicant',
    body: scanBeginBody, response: scanStatusSchema,
    errors: ['UNAUTHENTICATED', 'SESSION_EXPIRED', 'CONSENT_REQUIRED', 'QR_INVALID', 'QR_EXPIRED', 'LICENCE_NOT_FOUND', 'RATE_LIMITED', 'YKB_UNAVAILABLE'],
  }),
  scanStatus: endpoint({
    ...ROUTES.scanStatus, summary: '查询亮证授权状态（1 等待持证人授权，2 已授权，3 拒绝或过期）', auth: 'applicant',
    params: z.object({ txnId: z.string().min(1).max(64) }), response: scanStatusSchema,
    errors: ['UNAUTHENTICATED', 'SESSION_EXPIRED', 'NOT_FOUND'],
  }),
  upload: endpoint({
    ...ROUTES.upload, summary: '上传照片或PDF（multipart，字段 file；JPG/PNG/PDF，不超过5MB）', auth: 'applicant',
    response: uploadSchema, multipart: true,
    errors: ['UNAUTHENTICATED', 'SESSION_EXPIRED', 'CONSENT_REQUIRED', 'UPLOAD_EMPTY', 'UPLOAD_TOO_LARGE', 'UPLOAD_TYPE', 'UPLOAD_DIMENSIONS', 'UPLOAD_QUOTA'],
  }),
  ocrIdCard: endpoint({
    ...ROUTES.ocrIdCard, summary: '身份证识别（形如微信 ocr.idcard）', auth: 'applicant',
    body: ocrBody, response: ocrResultSchema,
    errors: ['UNAUTHENTICATED', 'SESSION_EXPIRED', 'NOT_FOUND', 'OCR_NOT_RECOGNISED', 'ID_NOT_OWN'],
  }),
  photoIdCard: endpoint({
    ...ROUTES.photoIdCard, summary: '以身份证照片作为材料（需人工审核；须已授权渝快办实名身份）', auth: 'applicant',
    body: photoIdBody, response: materialViewSchema,
    errors: ['UNAUTHENTICATED', 'SESSION_EXPIRED', 'CONSENT_REQUIRED', 'YKB_AUTH_REQUIRED', 'NOT_FOUND', 'OCR_NOT_RECOGNISED', 'LICENCE_EXPIRED', 'ID_NOT_OWN'],
  }),
  photoProperty: endpoint({
    ...ROUTES.photoProperty, summary: '以物权证明照片或PDF作为材料（需人工审核；须已授权渝快办实名身份）', auth: 'applicant',
    body: photoPropertyBody, response: materialViewSchema, errors: ['UNAUTHENTICATED', 'SESSION_EXPIRED', 'CONSENT_REQUIRED', 'YKB_AUTH_REQUIRED', 'NOT_FOUND'],
  }),
  draftGet: endpoint({
    ...ROUTES.draftGet, summary: '当前草稿（没有时 data 为 null）', auth: 'applicant',
    response: draftSchema.nullable(), errors: ['UNAUTHENTICATED', 'SESSION_EXPIRED'],
  }),
  draftSave: endpoint({
    ...ROUTES.draftSave, summary: '保存草稿（版本号防止覆盖较新的内容）', auth: 'applicant',
    body: draftSaveBody, response: draftSchema, errors: ['UNAUTHENTICATED', 'SESSION_EXPIRED', 'CONFLICT', 'PAYLOAD_TOO_LARGE'],
  }),
  draftDiscard: endpoint({
    ...ROUTES.draftDiscard, summary: '放弃当前草稿：删除草稿及只属于它的照片、文件和材料（已提交申请的材料不受影响）', auth: 'applicant',
    response: z.object({ discarded: z.boolean(), deletedUploads: z.number().int().nonnegative() }), errors: ['UNAUTHENTICATED', 'SESSION_EXPIRED'],
  }),
  contractSummary: endpoint({
    ...ROUTES.contractSummary, summary: '《低压供用电合同》摘要及其哈希（签署前阅读）', auth: 'applicant',
    body: z.object({ answers: answersSchema }), response: contractSummarySchema, errors: ['UNAUTHENTICATED', 'SESSION_EXPIRED'],
  }),
  submit: endpoint({
    ...ROUTES.submit, summary: '提交申请（须已授权渝快办实名身份；请求头 Idempotency-Key 必填：同一键重复提交返回同一申请）', auth: 'applicant',
    body: submitBody, response: receiptSchema,
    errors: ['UNAUTHENTICATED', 'SESSION_EXPIRED', 'FORBIDDEN', 'CONSENT_REQUIRED', 'YKB_AUTH_REQUIRED', 'NOT_FOUND', 'LICENCE_CANCELLED', 'LICENCE_EXPIRED', 'IDEMPOTENCY_MISMATCH', 'CONFLICT'],
  }),
  receipt: endpoint({
    ...ROUTES.receipt, summary: '申请回执（仅申请人本人）', auth: 'applicant',
    params: z.object({ number: z.string().regex(/^WZ\d{14}$/, '申请编号格式不正确') }), response: receiptSchema,
    errors: ['UNAUTHENTICATED', 'SESSION_EXPIRED', 'NOT_FOUND'],
  }),
}
