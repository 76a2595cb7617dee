import { z } from 'zod'
import { SERVICE_CODES, SUPPLIER_CODES } from '../core/services'
import { STAFF_ROLE_CODES } from '../core/staff-roles'
import { SMALL_MICRO_STATUS_CODES } from '../core/small-micro'
import { sessionSchema } from './auth'
import { applicationDetailSchema, processState } from './progress'
import { materialViewSchema } from './licences'

export const staffRole = z.enum(STAFF_ROLE_CODES)
export const supplierCode = z.enum(SUPPLIER_CODES)

export const staffSchema = z.object({
  username: z.string(),
  displayName: z.string(),
  /** agent 客服; supervisor 班长 (reports, export); admin (both enterprises, access log); district 区经信委 (oversight only): src/core/staff-roles.ts */
  role: staffRole,
  /** null for the admin and the district */
  supplier: supplierCode.nullable(),
})
export type Staff = z.infer<typeof staffSchema>

export const staffLoginBody = z.object({
  username: z.string().trim().min(1, '请输入账号').max(40),
  password: z.string().min(1, '请输入密码').max(200),
})
export const staffLoginResult = z.object({ session: sessionSchema, staff: staffSchema })

const monthParam = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式为YYYY-MM')

export const staffSearchQuery = z.object({
  /** application number, mobile, ID number, 统一社会信用代码 (exact) or a name (prefix) */
  q: z.string().trim().max(40).optional(),
  service: z.enum(SERVICE_CODES).optional(),
  township: z.string().regex(/^500101\d{3}$/).optional(),
  stage: z.string().max(40).optional(),
  state: z.enum(['overdue', 'due-soon', 'paused', 'in-progress', 'completed', 'withdrawn', 'rejected']).optional(),
  /** with state=due-soon: remaining working days at most this */
  dueWithin: z.coerce.number().int().min(0).max(28).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  /** admin only: narrow to one enterprise */
  supplier: supplierCode.optional(),
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
})

export const staffCaseSummarySchema = z.object({
  number: z.string(),
  serviceName: z.string(),
  supplierName: z.string(),
  townshipName: z.string(),
  applicantNameMasked: z.string(),
  mobileMasked: z.string(),
  submittedAt: z.iso.datetime(),
  state: processState,
  currentStageName: z.string().nullable(),
  usedDays: z.number().int(),
  limitDays: z.number().int(),
  /** late past this many used working days: the limit, or for an average limit (10 kV) the per-case ceiling */
  ceilingDays: z.number().int(),
  remainingDays: z.number().int(),
  expectedBy: z.iso.date(),
  /** expectedBy lies in a year whose holidays are not yet published: an estimate */
  estimated: z.boolean(),
  needsReview: z.boolean(),
})
export const staffSearchResult = z.object({
  items: z.array(staffCaseSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
})

export const staffNoteSchema = z.object({ id: z.number().int(), author: z.string(), text: z.string(), at: z.iso.datetime() })
export const staffEventSchema = z.object({
  id: z.number().int(), type: z.string(), stage: z.string().nullable(), actor: z.string(), at: z.iso.datetime(),
  payload: z.record(z.string(), z.unknown()), corrects: z.number().int().nullable(),
  /** what happened in Chinese, e.g. '施工接电 暂停计时' */
  text: z.string(),
  /** who, by name: '申请人 李**', '国网万州供电分公司系统推送', '工作人员 …', '系统' */
  actorName: z.string(),
  /** the payload in Chinese: labels, China times, reasons and materials by name (free text masked) */
  details: z.array(z.object({ label: z.string(), value: z.string() })),
})

const caseUploadSchema = z.object({ uploadId: z.string(), mime: z.string(), size: z.number().int() })

export const staffCaseDetailSchema = z.object({
  /** what the applicant sees */
  application: applicationDetailSchema,
  applicant: z.object({
    nameMasked: z.string(), idNumberMasked: z.string(), mobileMasked: z.string(),
    businessName: z.string().nullable(), creditCode: z.string().nullable(), role: z.enum(['owner', 'agent']),
    /** an individual's (个体工商户) 字号, when given */
    shopName: z.string().nullable(),
  }),
  /** the raw append-only log */
  events: z.array(staffEventSchema),
  /** verification of each material: identifier check, status, source; photo files to review */
  materials: z.array(materialViewSchema.extend({ uploads: z.array(caseUploadSchema) })),
  /** the case's other files (staffUpload shows each): authorisation letter, project approval, supplements, 10 kV checkpoint materials */
  files: z.array(caseUploadSchema.extend({ kind: z.enum(['agent-letter', 'project-approval', 'supplement', 'checkpoint']), label: z.string() })),
  notes: z.array(staffNoteSchema),
  /** a 一件事's case sent to its utility: whether the utility has it (the outbox keeps trying), or refused it */
  dispatch: z.object({
    jointNumber: z.string().nullable(),
    state: z.enum(['receiving', 'received', 'refused']),
    attempts: z.number().int(),
    lastStatus: z.number().int().nullable(),
    lastError: z.string().nullable(),
    utilityRef: z.string().nullable(),
    deliveredAt: z.iso.datetime().nullable(),
  }).nullable(),
  /** 小微企业认定: the national 小微企业名录's answer for the business's credit code, or 待核验 (why, and the next attempt); null when the case owes none */
  smallMicro: z.object({
    status: z.enum(SMALL_MICRO_STATUS_CODES),
    /** 小型企业, 微型企业, 非小微, 未查到 or 待核验 */
    name: z.string(),
    /** what staff should do about the result (未查到: check by hand); null when nothing */
    note: z.string().nullable(),
    /** the plan's rule: 小微企业认定以国家文件规定及国家信息系统查询结果为准 */
    rule: z.string(),
    /** what the registry's answer rests on (the standard and how it applied it); null until answered or when not found */
    basis: z.string().nullable(),
    source: z.string().nullable(),
    /** the date of the registry's record */
    registryDate: z.iso.date().nullable(),
    checkedAt: z.iso.datetime().nullable(),
    pending: z.object({
      reason: z.string(),
      attempts: z.number().int(),
      /** null: no attempt is scheduled (the registry is not connected to this deployment) */
      nextAttemptAt: z.iso.datetime().nullable(),
    }).nullable(),
  }).nullable(),
  /** the 差评 follow-up (1–2 stars): its deadline, and who closed it when, with what they found */
  followUp: z.object({
    grade: z.number().int(), deadline: z.iso.date(), estimated: z.boolean(), closed: z.boolean(),
    closedAt: z.iso.datetime().nullable(), closedBy: z.string().nullable(), note: z.string().nullable(),
  }).nullable(),
})
export type StaffCaseDetail = z.infer<typeof staffCaseDetailSchema>

export const revealBody = z.object({
  field: z.enum(['idNumber', 'mobile', 'name']),
  reason: z.string().trim().min(2, '请说明查看原因').max(100),
})
export const noteBody = z.object({ text: z.string().trim().min(1, '请输入备注内容').max(500, '备注不超过500字') })
export const urgeBody = z.object({ message: z.string().trim().min(2, '请输入催办说明').max(200) })
export const followUpBody = z.object({ note: z.string().trim().min(2, '请填写回访情况').max(300, '回访情况不超过300字') })
/** 改派: the case goes to the other supply enterprise (班长 and the admin), with the reason for the log */
export const reassignBody = z.object({
  to: supplierCode,
  reason: z.string().trim().min(2, '请填写改派原因').max(200, '改派原因不超过200字'),
})
export const reassignResult = z.object({ number: z.string(), supplier: supplierCode, supplierName: z.string() })

export const dashboardQuery = z.object({ month: monthParam, supplier: supplierCode.optional() })
const stat = z.number().nullable()
export const dashboardSchema = z.object({
  month: z.string(),
  supplier: supplierCode.nullable(),
  received: z.number().int(),
  completed: z.number().int(),
  inProgress: z.number().int(),
  overdue: z.number().int(),
  services: z.array(z.object({
    service: z.string(), name: z.string(), target: z.number().int(), targetKind: z.enum(['max', 'average']),
    /** cases completed in the month: whole-process working days */
    completed: z.number().int(), mean: stat, median: stat, p90: stat, withinTargetShare: stat,
  })),
  /** the month's completed cases against each target (the plan's, the national one 据报道): per service, how many within, over, not yet judgeable, not held to it */
  targets: z.array(z.object({
    code: z.string(), name: z.string(), reported: z.boolean(),
    services: z.array(z.object({
      service: z.string(), name: z.string(), within: z.number().int(), over: z.number().int(), unknown: z.number().int(), notApplicable: z.number().int(), withinShare: stat,
    })),
  })),
  slowestStages: z.array(z.object({ service: z.string(), stage: z.string(), name: z.string(), meanDays: z.number(), limitDays: z.number().int(), overLimitShare: z.number() })),
  pauses: z.object({ cases: z.number().int(), meanPausedDays: stat }),
  /** applicants' disputes of a pause or 补正 (我已提交 / 这不是我的原因) made in the month */
  disputes: z.object({ count: z.number().int(), notMine: z.number().int() }),
  ratings: z.object({
    count: z.number().int(),
    distribution: z.record(z.string(), z.number().int()),
    followUps: z.array(z.object({ number: z.string(), grade: z.number().int(), deadline: z.iso.date(), estimated: z.boolean(), closed: z.boolean() })),
  }),
})
export type Dashboard = z.infer<typeof dashboardSchema>

export const accessLogQuery = z.object({ page: z.coerce.number().int().min(1).default(1) })
export const accessLogSchema = z.object({
  items: z.array(z.object({ id: z.number().int(), staff: z.string(), action: z.string(), target: z.string(), detail: z.string(), at: z.iso.datetime() })),
  total: z.number().int(),
})

/** A staff account's failed sign-ins from one client address, and the lock they caused (admin only). */
export const staffLockoutSchema = z.object({
  id: z.number().int(),
  /** the account name typed (which may not exist: unknown accounts are counted alike) */
  username: z.string(),
  clientIp: z.string(),
  /** failures since the last lock or success */
  failures: z.number().int(),
  /** how many times this pair has been locked (each lock lasts twice the one before) */
  locks: z.number().int(),
  /** until when the pair is locked; null when it is not locked now */
  lockedUntil: z.iso.datetime().nullable(),
  lastFailureAt: z.iso.datetime(),
})
export type StaffLockout = z.infer<typeof staffLockoutSchema>
export const staffLockoutsSchema = z.object({ items: z.array(staffLockoutSchema) })
export const lockoutParam = z.object({ id: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER) })
