import { z } from 'zod'
import { answersSchema } from './answers'

export const draftSchema = z.object({
  draftId: z.string(),
  /** answers so far: free-form until submit, when answersSchema applies */
  answers: z.record(z.string(), z.unknown()),
  /** the page the applicant was on, to resume there */
  page: z.string().max(64),
  version: z.number().int().nonnegative(),
  updatedAt: z.iso.datetime(),
})
export type Draft = z.infer<typeof draftSchema>
export const draftSaveBody = z.object({
  answers: z.record(z.string(), z.unknown()),
  page: z.string().max(64),
  /** the version the client last saw; a stale one answers CONFLICT */
  version: z.number().int().nonnegative(),
})

/** The online 《低压供用电合同》 summary shown before signing, with the hash the signature covers. */
export const contractSummarySchema = z.object({
  title: z.string(),
  sections: z.array(z.object({ heading: z.string(), text: z.string() })),
  /** sha256 (hex) of the summary text and the answers it was built from */
  hash: z.string().regex(/^[0-9a-f]{64}$/),
})
export type ContractSummary = z.infer<typeof contractSummarySchema>

export const signatureSchema = z.object({
  method: z.enum(['tap', 'typed-name']),
  /** the signer's name as typed (typed-name only) */
  typedName: z.string().trim().max(30).optional(),
  contractHash: z.string().regex(/^[0-9a-f]{64}$/, '合同内容已变化，请重新阅读后签署'),
})

export const submitBody = z.object({
  draftId: z.string().min(1),
  answers: answersSchema,
  /** required for low voltage, where the contract is signed at 受理签约 */
  signature: signatureSchema.optional(),
})
export type SubmitBody = z.input<typeof submitBody>

export const receiptSchema = z.object({
  number: z.string(),
  serviceName: z.string(),
  supplierName: z.string(),
  submittedAt: z.iso.datetime(),
  limitDays: z.number().int(),
  limitKind: z.enum(['max', 'average']),
  /** expected completion, China date, and whether it falls in a year whose holidays are unpublished */
  expectedBy: z.iso.date(),
  expectedByEstimated: z.boolean(),
  feeYuan: z.number().nullable(),
  /** photo-based material or a 一证受理 case that staff will review */
  pendingReview: z.array(z.string()),
  nextSteps: z.array(z.string()),
  /** the 一件事 this application heads, when water, gas or telecom were added: one case per utility */
  joint: z.object({
    number: z.string().describe('the 一件事 number, e.g. YJ20261205000001: the lookup accepts it too'),
    parts: z.array(z.object({
      number: z.string(),
      serviceName: z.string(),
      supplierName: z.string(),
      limitDays: z.number().int(),
      expectedBy: z.iso.date(),
      expectedByEstimated: z.boolean(),
    })),
    /** services dropped because the applicant did not agree to share with their provider */
    declined: z.array(z.string()),
  }).optional(),
})
export type Receipt = z.infer<typeof receiptSchema>
export type JointReceipt = NonNullable<Receipt['joint']>
