// 主动服务: the leads a supply enterprise's staff register and the invitations their owners find in the app.
// Neither carries the owner's personal data: a lead names the business (from the market registration) and its owner
// only through 渝快办's id, which never leaves the server.
import { z } from 'zod'
import { USE_CODES } from '../core/uses'
import { LEAD_KIND_CODES, LEAD_MAX_KW, LEAD_STATE_CODES } from '../core/leads'
import { answersSchema } from './answers'
import { contractSummarySchema, receiptSchema } from './applications'

export const leadIdParam = z.object({ id: z.string().regex(/^ld_[A-Za-z0-9_-]{8,40}$/, '邀请编号格式不正确') })

export const leadRegisterBody = z.object({
  kind: z.enum(LEAD_KIND_CODES, { message: '请选择线索来源：新注册企业或已批项目' }),
  creditCode: z.string().trim().max(30),
  /** the approval document's number of an approved project */
  projectApproval: z.string().trim().max(60).optional(),
  townshipCode: answersSchema.shape.address.shape.townshipCode,
  addressDetail: answersSchema.shape.address.shape.detail,
  capacityKw: z.number({ message: '请输入预计报装容量' }).positive('预计容量应大于0').max(LEAD_MAX_KW, `主动服务邀请按低压非居民新装办理，预计容量不超过${LEAD_MAX_KW}千瓦`),
  use: z.enum(USE_CODES.filter((u) => u !== 'home') as [string, ...string[]], { message: '请选择用电用途' }),
}).strict()
export type LeadRegisterBody = z.input<typeof leadRegisterBody>

/** A lead as its enterprise's staff see it. */
export const leadSchema = z.object({
  id: z.string(),
  kind: z.enum(LEAD_KIND_CODES),
  creditCode: z.string(),
  businessName: z.string(),
  projectApproval: z.string().nullable(),
  townshipCode: z.string(),
  addressDetail: z.string(),
  capacityKw: z.number(),
  use: z.string(),
  state: z.enum(LEAD_STATE_CODES),
  registeredAt: z.iso.datetime(),
  decidedAt: z.iso.datetime().nullable(),
  /** the application made from the invitation */
  applicationNumber: z.string().nullable(),
})
export type Lead = z.infer<typeof leadSchema>
export const leadListSchema = z.object({ leads: z.array(leadSchema) })

/** What the owner sees: everything the application will say, and the contract one confirmation signs. */
export const invitationSchema = z.object({
  id: z.string(),
  supplierName: z.string(),
  kind: z.enum(LEAD_KIND_CODES),
  businessName: z.string(),
  creditCode: z.string(),
  projectApproval: z.string().nullable(),
  serviceName: z.string(),
  address: z.string(),
  capacityKw: z.number(),
  useLabel: z.string(),
  limitDays: z.number().int(),
  feeYuan: z.number().nullable(),
  /** who signs and how the applicant is reached (masked) */
  signer: z.string(),
  contactMobile: z.string(),
  /** the contract the confirmation signs; its hash covers the text shown */
  contract: contractSummarySchema,
  invitedAt: z.iso.datetime(),
})
export type Invitation = z.infer<typeof invitationSchema>
export const invitationListSchema = z.object({ invitations: z.array(invitationSchema) })

export const invitationAcceptBody = z.object({ contractHash: contractSummarySchema.shape.hash }).strict()
export const invitationAcceptResult = receiptSchema
export const invitationDeclineBody = z.object({ reason: z.string().trim().max(100, '原因不超过100个字').optional() }).strict()
