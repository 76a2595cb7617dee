// The district's month: per provider (supply enterprise, later any utility) the same figures a 班长's dashboard shows
// (monthlyStats, over the per-case figures derived from the event log), plus the satisfaction and the share of
// 差评 followed up within their 15 working days. One computation for the oversight view, the monthly reports and
// the public page. Pure.
import type { EnterpriseMonth, OversightMonth } from '../../contract/oversight'
import { chinaDate } from '../calendar/china-date'
import { complaintFigures, type ComplaintRecord } from '../complaints'
import { providerByCode, type ProviderCode } from '../providers'
import type { SupplierCode } from '../services'
import { monthBounds, monthlyStats, type CaseRecord, type DisputeRecord, type RatingRecord } from '../stats/monthly'
import { mean, share } from '../stats/summary'
import type { LeadState } from '../leads'

export interface OversightInput {
  /** 'YYYY-MM' */
  month: string
  /** when open and overdue cases are counted: reportMoment(month, now) */
  at: Date
  /** when follow-ups are judged (closed by then, or past their deadline on that China date): the moment figures are taken */
  asOf: Date
  /** the providers reported on, in order; each gets a column even with no cases */
  providers: readonly ProviderCode[]
  cases: CaseRecord[]
  ratings: RatingRecord[]
  disputes: DisputeRecord[]
  /** complaints made in the app, received in the month, by the case's enterprise */
  complaints: ComplaintRecord[]
  /** per provider: applications started and submitted, received and made with e-licences only */
  takeUp: TakeUpRecord[]
  /** 主动服务 leads registered or decided in the month */
  leads?: LeadRecord[]
}

/** One provider's month of take-up: drafts that named their address (started) and how many were submitted; applications received and how many used e-licences only. */
export interface TakeUpRecord {
  supplier: string
  started: number
  submitted: number
  received: number
  eLicences: number
}

/** A lead's enterprise and its moments: registered (invited), and decided (accepted or declined). */
export interface LeadRecord {
  supplier: string
  registeredAt: string
  state: LeadState
  decidedAt: string | null
}

/** Leads invited in the month, and invitations accepted or declined in it. */
export function leadFigures(leads: LeadRecord[], month: string): EnterpriseMonth['leads'] {
  const { start, end } = monthBounds(month)
  const inMonth = (t: string | null) => t !== null && t >= start && t < end
  return {
    invited: leads.filter((l) => inMonth(l.registeredAt)).length,
    accepted: leads.filter((l) => l.state === 'accepted' && inMonth(l.decidedAt)).length,
    declined: leads.filter((l) => l.state === 'declined' && inMonth(l.decidedAt)).length,
  }
}

/** A 差评 is 1 or 2 stars (不满意, 非常不满意): it gets a follow-up. */
export const BAD_GRADE_MAX = 2
/** 满意 or better. */
export const SATISFIED_GRADE_MIN = 4

/** Satisfaction and the follow-up of 差评, for the ratings given in the month. */
export function ratingFigures(ratings: RatingRecord[], asOf: Date): EnterpriseMonth['ratings'] {
  const distribution: Record<string, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 }
  for (const r of ratings) distribution[r.grade] += 1
  const asOfIso = asOf.toISOString()
  const today = chinaDate(asOf)
  const bad = ratings.filter((r) => r.grade <= BAD_GRADE_MAX)
  const judged = bad.map((r) => {
    const closedAt = r.followUp?.closedAt ?? null
    const closed = closedAt !== null && closedAt <= asOfIso
    const deadline = r.followUp?.deadline ?? null
    return {
      inTime: closed && deadline !== null && chinaDate(new Date(closedAt)) <= deadline,
      due: closed || deadline === null || deadline < today,
    }
  })
  const due = judged.filter((j) => j.due).length
  const inTime = judged.filter((j) => j.inTime).length
  return {
    count: ratings.length, distribution,
    satisfiedShare: share(ratings.filter((r) => r.grade >= SATISFIED_GRADE_MIN).length, ratings.length),
    meanGrade: mean(ratings.map((r) => r.grade)),
    bad: bad.length, followUpsDue: due, followedUpInTime: inTime, followedUpInTimeShare: share(inTime, due),
  }
}

/** Completion (started → submitted) and digital take-up (e-licences only), with their shares. */
function takeUpFigures(t: TakeUpRecord | undefined): Pick<EnterpriseMonth, 'completion' | 'digital'> {
  const r = t ?? { started: 0, submitted: 0, received: 0, eLicences: 0 }
  return {
    completion: { started: r.started, submitted: r.submitted, share: share(r.submitted, r.started) },
    digital: { received: r.received, eLicences: r.eLicences, share: share(r.eLicences, r.received) },
  }
}

/** What the month's cases (and the disputes in their logs) give a provider: fixed once the month has ended, until its cases' logs grow. */
export type CasePart = Pick<EnterpriseMonth, 'received' | 'completed' | 'inProgress' | 'overdue' | 'services' | 'pauses' | 'disputes'>

/** Each provider's case part, from the month's case records and disputes. */
export function caseParts(input: Pick<OversightInput, 'month' | 'at' | 'providers' | 'cases' | 'disputes'>): Record<string, CasePart> {
  return Object.fromEntries(input.providers.map((provider) => {
    // a provider's cases carry its code in `supplier` (electricity today; the joint connection's utilities later)
    const d = monthlyStats({ ...input, ratings: [], supplier: provider as SupplierCode })
    return [provider, { received: d.received, completed: d.completed, inProgress: d.inProgress, overdue: d.overdue, services: d.services, pauses: d.pauses, disputes: d.disputes }]
  }))
}

/**
 * Every figure of the month for each provider, side by side. `parts` are the case parts already computed from these
 * very records (caseParts): given, the cases are not read again.
 */
export function oversightMonth(input: OversightInput, parts: Record<string, CasePart> = caseParts(input)): OversightMonth {
  const b = monthBounds(input.month)
  const enterprises = input.providers.map((provider): EnterpriseMonth => {
    const ratings = input.ratings.filter((r) => r.supplier === provider && r.ratedAt >= b.start && r.ratedAt < b.end)
    return {
      provider, name: providerByCode(provider)?.name ?? provider, ...parts[provider],
      ratings: ratingFigures(ratings, input.asOf),
      complaints: complaintFigures(input.complaints.filter((c) => c.supplier === provider), input.asOf),
      ...takeUpFigures(input.takeUp.find((t) => t.supplier === provider)),
      leads: leadFigures((input.leads ?? []).filter((l) => l.supplier === provider), input.month),
    }
  })
  return { month: input.month, at: input.at.toISOString(), asOf: input.asOf.toISOString(), enterprises }
}
