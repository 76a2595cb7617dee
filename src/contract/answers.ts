import { z } from 'zod'
import { USE_CODES, USE_LABELS } from './constants'
import { APPLICANT_KINDS, STANDALONE_SERVICE_CODES } from '../core/services'
import { JOINT_SERVICE_CODES } from '../core/joint-services'
import { MISMATCH_REASON_LENGTH } from '../core/address-match'
import { SHOP_NAME_LENGTH } from '../core/validators/shop-name'

export { USE_LABELS }

const materialRef = z.object({ materialId: z.string().min(1) })

export const jointPartSchema = z.object({
  service: z.enum(JOINT_SERVICE_CODES, { message: '请选择同时办理的业务' }),
  answers: z.record(z.string().max(30), z.union([z.string().max(50), z.number()])).default({}),
  consent: z.enum(['given', 'refused']).optional(),
})
export type JointPart = z.infer<typeof jointPartSchema>

/** What the applicant answers, page by page. Field rules that need the domain validators run in the server. */
export const answersSchema = z.object({
  service: z.enum(STANDALONE_SERVICE_CODES, { message: '请选择办理的业务' }),
  applicant: z.object({
    kind: z.enum(APPLICANT_KINDS, { message: '请选择以个人还是企业名义申请' }),
    businessName: z.string().trim().max(100, '企业名称不超过100个字').optional(),
    creditCode: z.string().trim().max(30).optional(),
    /** 字号: an individual's (个体工商户) trade name, optional; checked by checkShopName */
    shopName: z.string().trim().max(SHOP_NAME_LENGTH.max, `字号不超过${SHOP_NAME_LENGTH.max}个字`).optional(),
    /** the applicant confirmed a code whose check character fails (some issued codes do) */
    creditCodeConfirmed: z.boolean().optional(),
    role: z.enum(['owner', 'agent'], { message: '请选择本人办理还是经办人代办' }),
    agentLetterUploadId: z.string().optional(),
    /** true: contact the mobile of the signed-in 渝快办 identity (the server fills it in; the app only sees it masked) */
    useIdentityMobile: z.boolean().optional(),
    /** required unless useIdentityMobile */
    mobile: z.string().trim().max(20).optional(),
  }),
  address: z.object({
    townshipCode: z.string().regex(/^500101\d{3}$/, '请选择用电地址所在的乡镇街道'),
    detail: z.string().trim().min(4, '请填写详细地址（路、门牌号等），至少4个字').max(100, '详细地址不超过100个字'),
    location: z.object({ latitude: z.number(), longitude: z.number(), name: z.string().max(100) }).optional(),
    /** why the address lies in another township than the property certificate's 坐落 (staff check it) */
    differsReason: z.string().trim().max(MISMATCH_REASON_LENGTH.max, `原因不超过${MISMATCH_REASON_LENGTH.max}个字`).optional(),
  }),
  load: z.object({
    capacityKw: z.number({ message: '请输入报装容量' }).positive('报装容量应大于0').max(100000, '报装容量过大，请核对'),
    use: z.enum(USE_CODES, { message: '请选择用电用途' }),
    desiredDate: z.iso.date('请选择期望接电日期').optional(),
  }),
  materials: z.object({
    idCard: materialRef,
    /** null: 一证受理, property proof supplied later */
    property: materialRef.nullable(),
    /** voluntary undertaking to supply the property proof later; never required */
    propertyUndertaking: z.boolean().default(false),
    agentIdCard: materialRef.optional(),
    projectApprovalUploadId: z.string().optional(),
  }),
  /**
   * 同时办理: water, gas, telecom at the same address, each with its few extra answers and the applicant's separate
   * consent to share with that provider ('refused' drops the part, not the application).
   */
  joint: z.array(jointPartSchema).max(JOINT_SERVICE_CODES.length).optional(),
})
export type Answers = z.infer<typeof answersSchema>
export type AnswersInput = z.input<typeof answersSchema>
