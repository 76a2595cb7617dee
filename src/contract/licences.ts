import { z } from 'zod'

export const licenceKind = z.enum(['id-card', 'property'])
export type LicenceKind = z.infer<typeof licenceKind>
export const materialSource = z.enum(['authorised', 'scanned', 'paper-qr', 'photo'])
export type MaterialSource = z.infer<typeof materialSource>

/**
 * An e-licence (or a photo standing in for one) as the applicant sees it for confirmation: masked fields only.
 * `materialId` is the server-side record the application later refers to; the full data never leaves the server.
 */
export const materialViewSchema = z.object({
  materialId: z.string(),
  kind: licenceKind,
  source: materialSource,
  typeName: z.string(),
  /** GB/T 36904 identifier and whether its MOD 37,36 check character is right (photos have none) */
  identifier: z.string().nullable(),
  identifierValid: z.boolean().nullable(),
  status: z.enum(['current', 'cancelled', 'expired', 'unverified']),
  /** why it cannot be used, when status is cancelled or expired */
  refusal: z.string().nullable(),
  holderNameMasked: z.string(),
  numberMasked: z.string(),
  /** display rows, e.g. [{label: '坐落', value: '重庆市万州区…'}] with personal data masked */
  facts: z.array(z.object({ label: z.string(), value: z.string() })),
  validTo: z.string().nullable(),
  /**
   * A property certificate's 坐落 as a connection address (township and the rest), to fill the address from it;
   * null for photos, ID cards and a 坐落 outside Wanzhou's townships. The 坐落 row in `facts` stays masked.
   */
  address: z.object({ townshipCode: z.string(), detail: z.string() }).nullable(),
  /** photo-based material is checked by staff before acceptance */
  needsReview: z.boolean(),
})
export type MaterialView = z.infer<typeof materialViewSchema>

export { isUsable } from './constants'

export const authorisedFetchBody = z.object({
  kinds: z.array(licenceKind).min(1, '请选择要获取的证照').max(2),
  useCause: z.string().trim().min(2, '请说明用证事由').max(100),
})
export const authorisedFetchResult = z.object({
  licences: z.array(materialViewSchema),
  /** kinds the library holds nothing for, e.g. no property e-licence */
  missing: z.array(licenceKind),
})

export const scanBeginBody = z.object({
  qr: z.string().trim().min(1, '请扫描或粘贴二维码内容').max(2048),
  /** what the applicant expects the code to be, to catch a wrong licence early */
  expect: licenceKind,
})
export const scanStatusSchema = z.object({
  txnId: z.string(),
  /** 1 waiting for the holder, 2 authorised (material present), 3 refused or expired */
  status: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  material: materialViewSchema.nullable(),
  message: z.string(),
})
export type ScanStatus = z.infer<typeof scanStatusSchema>

export const uploadSchema = z.object({
  uploadId: z.string(),
  mime: z.enum(['image/jpeg', 'image/png', 'application/pdf']),
  size: z.number().int().positive(),
})
export type Upload = z.infer<typeof uploadSchema>

/**
 * Whose ID card a photo must be: `own`, the signed-in person's (the 用电人 applying in person, or the agent's own ID):
 * checked against their 渝快办 real-name identity as soon as it is recognised (ID_NOT_OWN); `principal`, the 用电人's
 * when an agent applies. Absent: not checked until submission.
 */
export const idCardWhose = z.enum(['own', 'principal'])
export type IdCardWhose = z.infer<typeof idCardWhose>

/** Shaped like WeChat's ocr.idcard: front gives name, number, address; back gives validity. */
export const ocrBody = z.object({ uploadId: z.string().min(1), side: z.enum(['front', 'back']), whose: idCardWhose.optional() })
export const ocrResultSchema = z.object({
  side: z.enum(['front', 'back']),
  nameMasked: z.string().nullable(),
  idMasked: z.string().nullable(),
  addrMasked: z.string().nullable(),
  validDate: z.string().nullable(),
  /** re-validation of what was recognised; never trusted blindly */
  checks: z.array(z.object({ field: z.string(), ok: z.boolean(), message: z.string() })),
})

/** Turns photos (front, back) plus confirmed or typed fields into an ID-card material marked for review. */
export const photoIdBody = z.object({
  frontUploadId: z.string().min(1, '请上传身份证人像面照片'),
  backUploadId: z.string().min(1, '请上传身份证国徽面照片'),
  /** typed only when OCR did not recognise the photo; otherwise the recognised values are used */
  typed: z.object({ name: z.string().trim().min(1, '请输入姓名').max(30), idNumber: z.string() }).optional(),
  whose: idCardWhose.optional(),
  /**
   * The photo is not recognised and it is the applicant's own card (`whose: own`): name and number are those of
   * their 渝快办 real-name identity (the app shows them masked), checked by staff against the photo.
   */
  fromIdentity: z.boolean().optional(),
})
export const photoPropertyBody = z.object({ uploadId: z.string().min(1, '请上传物权证明照片或PDF') })
