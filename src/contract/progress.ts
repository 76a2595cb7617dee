import { z } from 'zod'
import { complaintSchema } from './complaints'
import { SERVICE_CODES } from '../core/services'
import { materialViewSchema } from './licences'
import { DISPUTE_KINDS, MAX_FILES_PER_MATERIAL, RATING_GRADES, RATING_INDICATORS } from './constants'
import { PAUSE_REASON_CODES } from '../core/progress/clock-stops'
import { MATERIALS, type MaterialCode } from '../core/materials'

/** How a stage or the whole process stands; the word shown beside it is in STATE_WORDS (constants.ts). */
export const stageState = z.enum(['not-started', 'in-progress', 'paused', 'done', 'overdue'])
export const processState = z.enum(['in-progress', 'paused', 'overdue', 'completed', 'withdrawn', 'rejected'])

const stageFields = {
  code: z.string(),
  name: z.string(),
  state: stageState,
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
  handler: z.string().nullable(),
  opinion: z.string().nullable(),
  /** working days counted against the utility (paused days excluded) */
  usedDays: z.number().int().nonnegative(),
  limitDays: z.number().int().positive(),
  limitSource: z.enum(['seed', 'default']),
  /** limit − used; negative when overdue */
  remainingDays: z.number().int(),
  /** a date involved lies in a year whose holidays are not yet published */
  estimated: z.boolean(),
}
export const stageProgressSchema = z.object({
  ...stageFields,
  /** 10 kV 设计审查 / 中间检查 / 竣工检验, inside 外部工程实施; only those that happened */
  checkpoints: z.array(z.object(stageFields)),
})
export type StageProgress = z.infer<typeof stageProgressSchema>

export const processProgressSchema = z.object({
  state: processState,
  usedDays: z.number().int().nonnegative(),
  pausedDays: z.number().int().nonnegative(),
  limitDays: z.number().int().positive(),
  limitKind: z.enum(['max', 'average']),
  remainingDays: z.number().int(),
  /** expected completion (China date): submission + limit + paused working days; the completion date once done */
  expectedBy: z.iso.date(),
  estimated: z.boolean(),
  currentStage: z.string().nullable(),
})
export type ProcessProgress = z.infer<typeof processProgressSchema>

/** Working days between two stages (one finished, the next not yet started): counted against the utility. */
export const stageGapSchema = z.object({
  after: z.string().nullable(),
  before: z.string().nullable(),
  name: z.string(),
  from: z.iso.datetime(),
  to: z.iso.datetime().nullable(),
  usedDays: z.number().int().nonnegative(),
  estimated: z.boolean(),
})

/** One line of the history as the applicant sees it (no internal notes). */
export const timelineEntrySchema = z.object({
  id: z.number().int(),
  type: z.string(),
  /** plain Chinese, e.g. '施工接电 开始', '需要补正材料：…' */
  text: z.string(),
  at: z.iso.datetime(),
  /** the id of the entry this one corrects, if it is a correction */
  corrects: z.number().int().nullable(),
})

export const applicationSummarySchema = z.object({
  number: z.string(),
  serviceName: z.string(),
  townshipName: z.string(),
  submittedAt: z.iso.datetime(),
  state: processState,
  currentStageName: z.string().nullable(),
  remainingDays: z.number().int(),
  expectedBy: z.iso.date(),
  estimated: z.boolean(),
  /** the 一件事 it belongs to, if any (the list shows its cases together) */
  jointNumber: z.string().nullable(),
})
export type ApplicationSummary = z.infer<typeof applicationSummarySchema>

export const ratingSchema = z.object({
  grade: z.number().int().min(1).max(5),
  indicators: z.record(z.string(), z.number().int().min(1).max(5)),
  comment: z.string().nullable(),
  ratedAt: z.iso.datetime(),
})

export const waitingSchema = z.object({
  kind: z.enum(['pause', 'supplement']),
  /** e.g. '需要您补正材料' / '暂停计时：申请人改约上门时间' */
  title: z.string(),
  awaited: z.string(),
  /** who is awaited, e.g. '您（申请人）' */
  from: z.string(),
  /** the due date the enterprise gave; null for pauses recorded before due dates were required */
  dueBy: z.iso.date().nullable(),
  dueEstimated: z.boolean(),
  todo: z.string(),
  materials: z.array(z.object({ code: z.string(), name: z.string(), note: z.string().nullable() })),
  since: z.iso.datetime(),
  /** the applicant's dispute of this pause, if any */
  dispute: z.object({ kind: z.enum(['done', 'not-mine']), at: z.iso.datetime() }).nullable(),
})
export type Waiting = z.infer<typeof waitingSchema>

export { DISPUTE_KINDS }
export const disputeBody = z.object({
  kind: z.enum(['done', 'not-mine'], '请选择“我已提交”或“这不是我的原因”'),
  note: z.string().trim().max(200, '说明不超过200字').optional(),
})

/** One case of a 一件事 as its siblings show it, side by side: its state, clock, and whether its utility has it yet. */
export const jointPartSchema = z.object({
  number: z.string(),
  serviceName: z.string(),
  supplierName: z.string(),
  utility: z.string(),
  state: processState,
  currentStageName: z.string().nullable(),
  usedDays: z.number().int().nonnegative(),
  limitDays: z.number().int().positive(),
  remainingDays: z.number().int(),
  expectedBy: z.iso.date(),
  /** receiving: sent, not yet acknowledged by the utility (retried until it is); refused: the utility refused it, staff are on it; direct: worked in this system */
  delivery: z.enum(['direct', 'receiving', 'received', 'refused']),
})
export const jointSchema = z.object({ number: z.string(), parts: z.array(jointPartSchema) })
export type JointView = z.infer<typeof jointSchema>

export const applicationDetailSchema = z.object({
  number: z.string(),
  service: z.enum(SERVICE_CODES),
  serviceName: z.string(),
  /** the provider's code (its contact and the routes to escalate come from src/core) */
  supplier: z.string(),
  supplierName: z.string(),
  /** how to reach the handling enterprise (its service line, from the provider list) */
  supplierContact: z.string(),
  townshipName: z.string(),
  /** the owner's own address; lookups without sign-in get it masked */
  address: z.string(),
  submittedAt: z.iso.datetime(),
  feeYuan: z.number().nullable(),
  process: processProgressSchema,
  stages: z.array(stageProgressSchema),
  /** stages' and gaps' usedDays add up to process.usedDays */
  gaps: z.array(stageGapSchema),
  timeline: z.array(timelineEntrySchema),
  materials: z.array(materialViewSchema),
  /** the case against each configured target (src/core/targets.ts): the plan's and the national one (据报道) */
  targets: z.array(z.object({
    code: z.string(), name: z.string(), reported: z.boolean(), days: z.number().int().nullable(), kind: z.enum(['max', 'average']).nullable(),
    status: z.enum(['within', 'over', 'unknown', 'not-applicable']), note: z.string(),
    /** for an average target: the enterprise's running average over its like cases completed in the last 12 months */
    average: z.object({ days: z.number(), cases: z.number().int(), supplierName: z.string(), since: z.iso.date() }).nullable(),
  })),
  /** whether the case needs external line works, as staff recorded it; null until they do */
  externalWorks: z.boolean().nullable(),
  /** what a finished stage handed over that lapses (10 kV 书面供电方案, valid one year), with a warning 30 days before */
  lapsing: z.array(z.object({
    stage: z.string(), name: z.string(), issuedOn: z.iso.date(), validUntil: z.iso.date(), daysLeft: z.number().int(), warn: z.boolean(),
  })),
  /** while the clock stands: what is awaited, from whom, by when, what to do; null while it runs */
  waiting: waitingSchema.nullable(),
  /** an open request to supplement (补正), if any */
  supplement: z.object({ message: z.string(), requestedAt: z.iso.datetime() }).nullable(),
  contract: z.object({ method: z.string(), signedAt: z.iso.datetime(), hash: z.string() }).nullable(),
  /** 一证受理 (accepted on the ID alone): whether the applicant undertook to hand in the property proof, by when, and when they did; null when one was given at submission */
  propertyProof: z.object({ undertaken: z.boolean(), by: z.string(), handedInAt: z.iso.datetime().nullable() }).nullable(),
  /** the files handed in for a 补正 (photos, PDFs), in the order sent; e-licences handed in are among `materials` */
  supplementFiles: z.array(z.object({ mime: z.string(), sizeKb: z.number().int().nonnegative(), at: z.iso.datetime() })),
  rating: ratingSchema.nullable(),
  /** the 一件事 this case belongs to, all its cases side by side (this one too); null for a case on its own */
  joint: jointSchema.nullable(),
  /** complaints made in the app about this case, newest first (none for a lookup without sign-in) */
  complaints: z.array(complaintSchema),
  /** what the applicant may do now */
  actions: z.object({
    withdraw: z.boolean(),
    supplement: z.boolean(),
    /** the open pause or 补正 may be disputed (once each) */
    dispute: z.boolean(),
    rate: z.boolean(),
    /** 一证受理: the property proof may be handed in now */
    propertyProof: z.boolean(),
    /** a complaint may be made (none is waiting for its answer) */
    complain: z.boolean(),
    /** the 10 kV checkpoint whose materials may be uploaded now, with the material codes it takes */
    checkpointUpload: z.object({ stage: z.string(), materials: z.array(z.string()) }).nullable(),
  }),
  /** what the case's version check answers while this detail is current (the applicant's and the lookup's reads) */
  version: z.string().optional(),
})
export type ApplicationDetail = z.infer<typeof applicationDetailSchema>

/**
 * A case's version: changes whenever anything its detail shows may have changed (a pushed or staff step, a
 * complaint's step, a rating, a 一件事 part's delivery; and every hour, for the clock), and says nothing else.
 */
export const caseVersionSchema = z.object({ version: z.string() })
export type CaseVersion = z.infer<typeof caseVersionSchema>

export const externalWorksBody = z.object({
  needed: z.boolean('请选择是否需要外部线路工程'),
  note: z.string().trim().min(2, '请说明依据（如现场勘查结论）').max(200),
})

export const withdrawBody = z.object({ reason: z.string().trim().min(2, '请简要说明撤回原因').max(200) })
export const supplementBody = z.object({
  uploadIds: z.array(z.string()).max(10).default([]),
  materialIds: z.array(z.string()).max(4).default([]),
  note: z.string().trim().max(200).optional(),
}).refine((b) => b.uploadIds.length + b.materialIds.length > 0, { message: '请至少提供一份补正材料', path: ['uploadIds'] })
export const propertyProofBody = z.object({ materialId: z.string().min(1, '请先获取或上传物权证明') })
export const checkpointBody = z.object({
  stage: z.enum(['design-review', 'mid-inspection', 'completion-inspection']),
  /** material code → upload ids; exactly the codes of that checkpoint (domain.md section 3) */
  files: z.record(z.string(), z.array(z.string()).min(1).max(MAX_FILES_PER_MATERIAL)),
})

export { RATING_GRADES, RATING_INDICATORS }
export const ratingBody = z.object({
  grade: z.number().int().min(1, '请选择评价等级').max(5, '请选择评价等级'),
  /** each indicator is optional (z.record over an enum would demand all five) */
  indicators: z.partialRecord(z.enum(RATING_INDICATORS), z.number().int().min(1).max(5)).optional(),
  comment: z.string().trim().max(300, '评价内容不超过300字').optional(),
})

/** Look up without signing in: number + mobile, confirmed with a 6-digit code. */
export const lookupCodeBody = z.object({
  /** an application number, or a 一件事 number (its electricity case answers, with every part) */
  number: z.string().trim().toUpperCase().regex(/^(WZ|YJ)\d{14}$/, '请输入正确的申请编号（WZ开头）或一件事编号（YJ开头），共16位'),
  mobile: z.string().trim().regex(/^1[3-9]\d{9}$/, '请输入11位手机号码'),
})
export const lookupCodeResult = z.object({ sent: z.literal(true), ttlSeconds: z.number().int(), message: z.string() })
export const lookupBody = lookupCodeBody.extend({ code: z.string().trim().regex(/^\d{6}$/, '请输入6位验证码') })

export const subscribeBody = z.object({
  /** template ids the user accepted in wx.requestSubscribeMessage (at most 3) */
  accepted: z.array(z.string().max(64)).max(3),
})

const MATERIAL_CODES = Object.keys(MATERIALS) as [MaterialCode, ...MaterialCode[]]

/** A 办件 process record pushed by the supply enterprise's system (server to server, signed). */
export const pushAction = z.enum(['stage-start', 'stage-finish', 'supplement-request', 'supplement-receive', 'pause', 'resume', 'complete', 'reject', 'correct'])
export const pushRecordSchema = z.object({
  recordId: z.string().min(1).max(64),
  caseNumber: z.string().regex(/^WZ\d{14}$/),
  action: pushAction,
  stage: z.string().max(40).optional(),
  handler: z.string().max(40),
  opinion: z.string().max(500).optional(),
  /** when the handling step happened in the enterprise's system (ms since epoch); stored beside the server's own time */
  startTime: z.number().int().positive(),
  endTime: z.number().int().positive().optional(),
  /** for 'correct': the recordId being corrected */
  corrects: z.string().max(64).optional(),
  /** for 'pause': why the utility's clock stops; one of the closed list in src/core/progress/clock-stops.ts */
  pauseReason: z.enum(PAUSE_REASON_CODES).optional(),
  /** for 'supplement-request': the materials asked for, only from that stage's list in the plan, each with a note */
  materials: z.array(z.object({ code: z.enum(MATERIAL_CODES), note: z.string().max(100).optional() })).min(1).max(6).optional(),
  /** for 'pause' and 'supplement-request': the China date by which what is awaited is due */
  dueBy: z.iso.date().optional(),
})
export type PushRecord = z.infer<typeof pushRecordSchema>
export const pushBody = z.object({ records: z.array(pushRecordSchema).min(1).max(100) })
export const pushResult = z.object({
  results: z.array(z.object({ recordId: z.string(), status: z.enum(['stored', 'duplicate']), eventId: z.number().int() })),
})
