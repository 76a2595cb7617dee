// The district's oversight (区经信委) and the public transparency page: aggregates and case numbers only, never a
// person's data. The figures come from one computation (src/core/oversight) over the per-case figures derived from
// the event log.
import { z } from 'zod'
import { PROVIDER_CODES } from '../core/providers'
import { dashboardSchema } from './staff'

export const monthParam = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式为YYYY-MM')
export const providerCode = z.enum(PROVIDER_CODES)
const stat = z.number().nullable()
const count = z.number().int()

export const ratingFiguresSchema = z.object({
  /** ratings given in the month */
  count,
  distribution: z.record(z.string(), count),
  /** 满意 and 非常满意 (4–5 stars) over all ratings */
  satisfiedShare: stat,
  meanGrade: stat,
  /** 差评 (1–2 stars) given in the month: each gets a follow-up due within 15 working days */
  bad: count,
  /** of those, the follow-ups decided by `asOf`: closed, or past their deadline */
  followUpsDue: count,
  /** closed on or before the deadline (by `asOf`) */
  followedUpInTime: count,
  /** followedUpInTime / followUpsDue */
  followedUpInTimeShare: stat,
})

export const enterpriseMonthSchema = z.object({
  /** the provider (supply enterprise, and once the joint connection reports, any utility) */
  provider: providerCode,
  name: z.string(),
  received: count,
  completed: count,
  inProgress: count,
  overdue: count,
  services: dashboardSchema.shape.services,
  pauses: dashboardSchema.shape.pauses,
  disputes: dashboardSchema.shape.disputes,
  /** 主动服务: leads registered in the month (invited), and invitations accepted or declined in it */
  leads: z.object({ invited: count, accepted: count, declined: count }),
  ratings: ratingFiguresSchema,
  /** complaints made in the app in the month, and their answers within the limit (decided by `asOf`) */
  complaints: z.object({ received: count, answersDue: count, answeredInTime: count, answeredInTimeShare: stat }),
  /** completion rate: applications started in the month (a draft that named its address) and how many of them were submitted */
  completion: z.object({ started: count, submitted: count, share: stat }),
  /** digital take-up: applications received in the month, and those whose identity and property materials all came from 渝快办 e-licences */
  digital: z.object({ received: count, eLicences: count, share: stat }),
})
export type EnterpriseMonth = z.infer<typeof enterpriseMonthSchema>

export const oversightMonthSchema = z.object({
  month: z.string(),
  /** the instant open and overdue cases are counted at (the month's end, or now while it runs) */
  at: z.iso.datetime(),
  /** the instant follow-ups are judged at (when the figures were taken) */
  asOf: z.iso.datetime(),
  enterprises: z.array(enterpriseMonthSchema),
})
export type OversightMonth = z.infer<typeof oversightMonthSchema>

export const oversightMonthQuery = z.object({ month: monthParam })
export const oversightTrendQuery = z.object({ to: monthParam })

export const oversightTrendSchema = z.object({
  /** 12 months, oldest first, ending at `to` */
  months: z.array(z.string()),
  indicators: z.array(z.object({
    code: z.string(), name: z.string(), unit: z.string(),
    /** the limit the indicator is read against, if any (working days, or a share as a percentage) */
    target: z.number().nullable(),
    series: z.array(z.object({ provider: providerCode, name: z.string(), values: z.array(stat) })),
  })),
})
export type OversightTrend = z.infer<typeof oversightTrendSchema>

/** One month (or the whole year) of one service at one enterprise; figures are null when suppressed. */
export const publicCellSchema = z.object({
  month: z.string(),
  /** fewer than the minimum completed cases: nothing is published, not even the count */
  suppressed: z.boolean(),
  completed: count.nullable(),
  median: stat,
  p90: stat,
  withinLimitShare: stat,
})
export type PublicCell = z.infer<typeof publicCellSchema>

export const publicTimesSchema = z.object({
  /** when the figures were computed (they are cached and recomputed at least daily) */
  generatedAt: z.iso.datetime(),
  /** the 12 complete months published, oldest first */
  months: z.array(z.string()),
  /** a cell with fewer completed cases (or ratings) than this is suppressed */
  minCases: count,
  rows: z.array(z.object({
    provider: providerCode, providerName: z.string(), service: z.string(), serviceName: z.string(),
    /** the promise the times are read against */
    promise: z.object({ days: count, kind: z.enum(['max', 'average']), text: z.string() }),
    /** completed in the 12 months (null when under the minimum) */
    completedTotal: count.nullable(),
    cells: z.array(publicCellSchema),
  })),
  satisfaction: z.array(z.object({
    provider: providerCode, providerName: z.string(), suppressed: z.boolean(),
    /** ratings given in the 12 months, and the share 满意 or 非常满意 */
    ratings: count.nullable(), satisfiedShare: stat,
    /** 差评 followed up within 15 working days, of those due */
    followedUpInTimeShare: stat,
  })),
  /** per enterprise over the 12 months, what well-run public services publish; each figure null when its base is under the minimum */
  enterprises: z.array(z.object({
    provider: providerCode, providerName: z.string(),
    /** applications started (a draft that named its address) and the share of them submitted */
    completion: z.object({ started: count.nullable(), share: stat }),
    /** applications received and the share made with 渝快办 e-licences only (no photographed papers) */
    digital: z.object({ received: count.nullable(), share: stat }),
    /** complaints made in the app, and the share answered within the limit (of those due) */
    complaints: z.object({ received: count.nullable(), answeredInTimeShare: stat }),
  })),
})
export type PublicTimes = z.infer<typeof publicTimesSchema>
export type PublicEnterprise = PublicTimes['enterprises'][number]

export const submitReportBody = z.object({ month: monthParam })
export const submittedReportSchema = z.object({
  provider: providerCode, month: z.string(), submittedAt: z.iso.datetime(), submittedBy: z.string(),
  /** SHA-256 of the canonical JSON of `figures` */
  digest: z.string(),
  figures: enterpriseMonthSchema,
})

/** A 班长's own month: the figures as they stand now (what a submission would freeze), and the frozen report if any. */
export const ownReportSchema = z.object({
  month: z.string(),
  provider: providerCode, name: z.string(),
  /** the last day a report is on time (5th working day of the next month, a labelled default) */
  dueBy: z.iso.date(),
  /** the month has ended: it can be submitted */
  ended: z.boolean(),
  /** the month recomputed now from the event log */
  current: oversightMonthSchema,
  /** the frozen report, once submitted */
  submitted: submittedReportSchema.extend({ status: z.enum(['in', 'late']) }).nullable(),
})
export type OwnReport = z.infer<typeof ownReportSchema>

export const reportStatusSchema = z.object({
  month: z.string(),
  /** the last day a report is on time: the 5th working day of the next month (a labelled default) */
  dueBy: z.iso.date(),
  reports: z.array(z.object({
    provider: providerCode, name: z.string(),
    /** in: submitted on time; late: submitted after dueBy; missing: none yet and dueBy has passed; not-due: none yet */
    status: z.enum(['in', 'late', 'missing', 'not-due']),
    submittedAt: z.iso.datetime().nullable(),
    digest: z.string().nullable(),
    /** the stored digest matches the stored figures */
    digestValid: z.boolean().nullable(),
    /** every figure that the event log, recomputed as of the submission, no longer gives */
    differences: z.array(z.object({ field: z.string(), reported: z.unknown(), recomputed: z.unknown() })),
  })),
})
export type ReportStatus = z.infer<typeof reportStatusSchema>
