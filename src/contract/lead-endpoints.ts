import { endpoint } from './endpoint'
import { ROUTES } from './routes'
import {
  invitationAcceptBody, invitationAcceptResult, invitationDeclineBody, invitationListSchema, leadIdParam, leadListSchema, leadRegisterBody, leadSchema,
} from './leads'

const session = ['UNAUTHENTICATED', 'SESSION_EXPIRED', 'FORBIDDEN'] as const

export const leadEndpoints = {
  staffLeadRegister: endpoint({
    ...ROUTES.staffLeadRegister, summary: '主动服务：登记线索（新注册企业或已批项目，按统一社会信用代码从市场主体登记信息查得企业及其负责人），向负责人发出主动服务邀请（本企业供区；客服、班长）', auth: 'staff',
    body: leadRegisterBody, response: leadSchema, errors: [...session, 'LEAD_BUSINESS_UNKNOWN', 'LEAD_EXISTS', 'YKB_UNAVAILABLE'],
  }),
  staffLeads: endpoint({
    ...ROUTES.staffLeads, summary: '主动服务：本企业登记的线索及其结果（已邀请、已申请、已谢绝；客服、班长）', auth: 'staff',
    response: leadListSchema, errors: [...session],
  }),
  invitations: endpoint({
    ...ROUTES.invitations, summary: '供电企业主动服务邀请：发给本人（按渝快办实名身份匹配）且待答复的邀请，申请内容已预填', auth: 'applicant',
    response: invitationListSchema, errors: [...session, 'YKB_AUTH_REQUIRED'],
  }),
  invitationAccept: endpoint({
    ...ROUTES.invitationAccept, summary: '一次确认即申请：签署所示合同，按预填内容提交低压非居民新装申请（身份证从渝快办调取，物权证明可后补）；重复确认得到同一回执', auth: 'applicant',
    params: leadIdParam, body: invitationAcceptBody, response: invitationAcceptResult,
    errors: [...session, 'NOT_FOUND', 'INVITATION_DECIDED', 'YKB_AUTH_REQUIRED', 'YKB_UNAVAILABLE', 'CONSENT_REQUIRED', 'LICENCE_NOT_FOUND', 'LICENCE_CANCELLED', 'LICENCE_EXPIRED'],
  }),
  invitationDecline: endpoint({
    ...ROUTES.invitationDecline, summary: '谢绝主动服务邀请', auth: 'applicant',
    params: leadIdParam, body: invitationDeclineBody, response: leadSchema.pick({ id: true, state: true, decidedAt: true }), errors: [...session, 'NOT_FOUND', 'INVITATION_DECIDED'],
  }),
}
