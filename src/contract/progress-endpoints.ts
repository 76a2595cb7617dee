import { z } from 'zod'
import { endpoint } from './endpoint'
import { ROUTES } from './routes'
import {
  applicationSummarySchema, applicationDetailSchema, disputeBody, propertyProofBody, withdrawBody, supplementBody, checkpointBody, ratingBody,
  lookupCodeBody, lookupCodeResult, lookupBody, subscribeBody, pushBody, pushResult, caseVersionSchema,
} from './progress'
import { complaintBody, complaintParams } from './complaints'

const numberParam = z.object({ number: z.string().regex(/^WZ\d{14}$/, '申请编号格式不正确') })
const session = ['UNAUTHENTICATED', 'SESSION_EXPIRED'] as const

export const progressEndpoints = {
  myApplications: endpoint({
    ...ROUTES.myApplications, summary: '我的申请（最新在前）', auth: 'applicant',
    response: z.object({ items: z.array(applicationSummarySchema) }), errors: [...session],
  }),
  applicationDetail: endpoint({
    ...ROUTES.applicationDetail, summary: '申请详情：环节、时限、历史、材料、可做的操作（仅本人）', auth: 'applicant',
    params: numberParam, response: applicationDetailSchema, errors: [...session, 'NOT_FOUND'],
  }),
  applicationVersion: endpoint({
    ...ROUTES.applicationVersion, summary: '申请的版本号：与详情中的 version 不同时才需重新读取详情（仅本人；打开的详情页据此及时刷新）', auth: 'applicant',
    params: numberParam, response: caseVersionSchema, errors: [...session, 'NOT_FOUND'],
  }),
  withdraw: endpoint({
    ...ROUTES.withdraw, summary: '撤回申请（撤件）', auth: 'applicant',
    params: numberParam, body: withdrawBody, response: applicationDetailSchema, errors: [...session, 'NOT_FOUND', 'ACTION_NOT_ALLOWED'],
  }),
  dispute: endpoint({
    ...ROUTES.dispute, summary: '对暂停计时或补正要求提出异议（我已提交 / 这不是我的原因），转工作人员核实', auth: 'applicant',
    params: numberParam, body: disputeBody, response: applicationDetailSchema, errors: [...session, 'NOT_FOUND', 'ACTION_NOT_ALLOWED'],
  }),
  supplement: endpoint({
    ...ROUTES.supplement, summary: '提交补正材料（仅在供电企业要求补正时）', auth: 'applicant',
    params: numberParam, body: supplementBody, response: applicationDetailSchema, errors: [...session, 'NOT_FOUND', 'ACTION_NOT_ALLOWED'],
  }),
  checkpointMaterials: endpoint({
    ...ROUTES.checkpointMaterials, summary: '高压：在设计审查、中间检查、竣工检验环节上传该环节的材料', auth: 'applicant',
    params: numberParam, body: checkpointBody, response: applicationDetailSchema, errors: [...session, 'NOT_FOUND', 'ACTION_NOT_ALLOWED'],
  }),
  rate: endpoint({
    ...ROUTES.rate, summary: '好差评（办结后，每件一次）', auth: 'applicant',
    params: numberParam, body: ratingBody, response: applicationDetailSchema, errors: [...session, 'NOT_FOUND', 'ACTION_NOT_ALLOWED', 'ALREADY_RATED'],
  }),
  complain: endpoint({
    ...ROUTES.complain, summary: '在线投诉：就本申请向供电企业投诉（受理后由供电企业在5个工作日内答复；同一申请同时只能有一件待答复的投诉）', auth: 'applicant',
    params: numberParam, body: complaintBody, response: applicationDetailSchema, errors: [...session, 'NOT_FOUND', 'COMPLAINT_OPEN'],
  }),
  closeComplaint: endpoint({
    ...ROUTES.closeComplaint, summary: '结束投诉：申请人看过答复后结束该投诉', auth: 'applicant',
    params: complaintParams, body: z.object({}), response: applicationDetailSchema, errors: [...session, 'NOT_FOUND', 'COMPLAINT_STATE'],
  }),
  subscribe: endpoint({
    ...ROUTES.subscribe, summary: '记录用户同意接收的订阅消息模板（小程序）', auth: 'applicant',
    params: numberParam, body: subscribeBody, response: z.object({ accepted: z.array(z.string()) }), errors: [...session, 'NOT_FOUND'],
  }),
  propertyProof: endpoint({
    ...ROUTES.propertyProof, summary: '一证受理：补交用电地址物权证明（渝快办调取、扫码或拍照所得的材料，仅一次）', auth: 'applicant',
    params: numberParam, body: propertyProofBody, response: applicationDetailSchema,
    errors: [...session, 'NOT_FOUND', 'ACTION_NOT_ALLOWED', 'LICENCE_CANCELLED', 'LICENCE_EXPIRED'],
  }),
  contractPdf: endpoint({
    ...ROUTES.contractPdf, summary: '已签署的《低压供用电合同》（PDF，由签署记录生成；用电人姓名仅向本人完整显示）', auth: 'applicant',
    params: numberParam, response: z.string(), errors: [...session, 'NOT_FOUND', 'ACTION_NOT_ALLOWED'], raw: true,
  }),
  lookupCode: endpoint({
    ...ROUTES.lookupCode, summary: '免登录查询：发送6位验证码（无论编号是否存在，回答都相同）', auth: 'none',
    body: lookupCodeBody, response: lookupCodeResult, errors: ['RATE_LIMITED'],
  }),
  lookup: endpoint({
    ...ROUTES.lookup, summary: '免登录查询：凭编号、手机号和验证码查看进度（个人信息脱敏）', auth: 'none',
    body: lookupBody,
    response: z.object({ lookupToken: z.string(), expiresAt: z.iso.datetime(), detail: applicationDetailSchema }),
    errors: ['LOOKUP_FAILED', 'RATE_LIMITED'],
  }),
  lookupRefresh: endpoint({
    ...ROUTES.lookupRefresh, summary: '免登录查询：凭查询令牌（请求头 X-Lookup-Token）刷新进度', auth: 'none',
    params: numberParam, response: applicationDetailSchema, errors: ['LOOKUP_FAILED'],
  }),
  lookupVersion: endpoint({
    ...ROUTES.lookupVersion, summary: '免登录查询：凭查询令牌（请求头 X-Lookup-Token）读取申请的版本号', auth: 'none',
    params: numberParam, response: caseVersionSchema, errors: ['LOOKUP_FAILED'],
  }),
  push: endpoint({
    ...ROUTES.push, summary: '供电企业推送办件过程记录（服务器间，HMAC-SHA256 签名，见 README）', auth: 'signed',
    body: pushBody, response: pushResult,
    errors: ['PUSH_UNKNOWN_KEY', 'PUSH_BAD_SIGNATURE', 'PUSH_CLOCK_SKEW', 'PUSH_REPLAY', 'PUSH_BAD_TRANSITION', 'NOT_FOUND'],
  }),
}
