// The monthly report against the working-day targets, for one supply enterprise or both, over the figures
// stored per case (case-figures.ts): no event log is replayed. Months and days are China dates. Pure.
import type { Dashboard } from '../../contract/staff'
import { chinaDate } from '../calendar/china-date'
import { stageName } from '../progress'
import { SERVICES, serviceByCode, servicesOfProvider, type ServiceCode, type SupplierCode } from '../services'
import type { CaseFigures } from './case-figures'
import { mean, median, nearestRank, share } from './summary'
import { areaOf, caseTargets, TARGETS, type CaseTarget } from '../targets'
import { townshipByCode } from '../wanzhou'

export interface CaseRecord extends Pick<CaseFigures, 'closedType' | 'closedAt' | 'usedDays' | 'pausedDays' | 'limitDays' | 'overdueSince' | 'externalWorks' | 'stages'> {
  number: string
  service: ServiceCode
  supplier: SupplierCode
  submittedAt: string
  /** urban or rural (targets.ts areaOf) follows from it */
  townshipCode: string
}

export interface RatingRecord {
  number: string
  supplier: SupplierCode
  grade: number
  ratedAt: string
  followUp: { deadline: string; estimated: boolean; closed: boolean; /** when staff closed it (ISO); the oversight figures read it */ closedAt?: string | null } | null
}

export interface MonthInput {
  /** 'YYYY-MM' */
  month: string
  /** null: both enterprises */
  supplier: SupplierCode | null
  /** when open and overdue cases are counted: reportMoment(month, now) */
  at: Date
  cases: CaseRecord[]
  ratings: RatingRecord[]
  /** the month's disputes of a pause or 补正 */
  disputes: DisputeRecord[]
}

export interface DisputeRecord {
  supplier: SupplierCode
  kind: 'done' | 'not-mine'
}

/** The month as ISO instants [start, end): China midnight of its first day to that of the next month's. */
export function monthBounds(month: string): { start: string; end: string } {
  const [y, m] = month.split('-').map(Number)
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
  const iso = (ym: string) => new Date(`${ym}-01T00:00:00+08:00`).toISOString()
  return { start: iso(month), end: iso(next) }
}

/** 'YYYY-MM' moved by `delta` months. */
export function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number)
  const i = y * 12 + (m - 1) + delta
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`
}

/** The month's last instant, or `now` while the month is still running. */
export function reportMoment(month: string, now: Date): Date {
  const last = new Date(Date.parse(monthBounds(month).end) - 1)
  return last < now ? last : now
}

const within = (iso: string | null, b: { start: string; end: string }) => iso !== null && iso >= b.start && iso < b.end
/** Submitted by the instant `at` (ISO) and not closed by then. */
const openAt = (c: CaseRecord, at: string) => c.submittedAt <= at && (c.closedAt === null || c.closedAt > at)

function serviceFigures(done: CaseRecord[], supplier: SupplierCode | null): Dashboard['services'] {
  return servicesOfProvider(supplier).map((s) => {
    const used = done.filter((c) => c.service === s.code).map((c) => c.usedDays)
    return {
      service: s.code, name: s.name, target: s.totalLimitDays, targetKind: s.totalLimitKind, completed: used.length,
      // for 10 kV the target is an average over cases: compare `mean`; the share within 28 is reported as well
      mean: mean(used), median: median(used), p90: nearestRank(used, 90), withinTargetShare: share(used.filter((u) => u <= s.totalLimitDays).length, used.length),
    }
  })
}

/**
 * The month's completed cases read against each target (targets.ts): per service, how many were within it, over
 * it, not yet judgeable (external works not recorded) or not held to it. For an average target the verdict per
 * case is against the per-case ceiling; the service figures above give the mean to set against the average.
 */
function targetFigures(done: CaseRecord[]): Dashboard['targets'] {
  const verdicts = done.map((c) => ({
    service: c.service,
    targets: caseTargets(c.service, { area: areaOf(townshipByCode(c.townshipCode)?.kind), externalWorks: c.externalWorks }, c.usedDays),
  }))
  return TARGETS.map((t, i) => ({
    code: t.code, name: t.name, reported: t.source === 'reported',
    services: SERVICES.map((s) => {
      const of = verdicts.filter((v) => v.service === s.code).map((v) => v.targets[i].status)
      const count = (status: CaseTarget['status']) => of.filter((x) => x === status).length
      const judged = count('within') + count('over')
      return { service: s.code, name: s.name, within: count('within'), over: count('over'), unknown: count('unknown'), notApplicable: count('not-applicable'), withinShare: share(count('within'), judged) }
    }),
  }))
}

/** Mean working days per stage against its limit, slowest first (by mean / limit, then share over the limit). */
function slowestStages(done: CaseRecord[], top = 5): Dashboard['slowestStages'] {
  const groups = new Map<string, { service: ServiceCode; stage: string; name?: string; limitDays: number; used: number[] }>()
  for (const c of done) {
    for (const s of c.stages) {
      const key = `${c.service}/${s.code}`
      const group = groups.get(key) ?? { service: c.service, stage: s.code, name: s.name, limitDays: s.limitDays, used: [] }
      group.used.push(s.usedDays)
      groups.set(key, group)
    }
  }
  const rows = [...groups.values()].map((g) => ({
    service: g.service, stage: g.stage, name: g.name ?? stageName(serviceByCode(g.service) ?? SERVICES[0], g.stage),
    meanDays: mean(g.used) ?? 0, limitDays: g.limitDays, overLimitShare: share(g.used.filter((u) => u > g.limitDays).length, g.used.length) ?? 0,
  }))
  // a gap between stages has no allowance: each of its days weighs as a whole stage's limit would
  const load = (r: { meanDays: number; limitDays: number }) => r.meanDays / Math.max(r.limitDays, 1)
  return rows
    .filter((r) => r.limitDays > 0 || r.meanDays > 0)
    .sort((a, b) => load(b) - load(a) || b.overLimitShare - a.overLimitShare || a.stage.localeCompare(b.stage))
    .slice(0, top)
}

function ratingFigures(ratings: RatingRecord[]): Dashboard['ratings'] {
  const distribution: Record<string, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 }
  for (const r of ratings) distribution[r.grade] += 1
  const followUps = ratings.flatMap((r) => (r.followUp ? [{ number: r.number, grade: r.grade, deadline: r.followUp.deadline, estimated: r.followUp.estimated, closed: r.followUp.closed }] : []))
    .sort((a, b) => Number(a.closed) - Number(b.closed) || a.deadline.localeCompare(b.deadline) || a.number.localeCompare(b.number))
  return { count: ratings.length, distribution, followUps }
}

/**
 * received: submitted in the month; completed: completed in it; inProgress / overdue: open (and past the limit)
 * at the report moment. Per service, pauses and slowest stages: over the cases completed in the month.
 * Ratings: those given in the month, with their follow-ups (open ones first).
 */
export function monthlyStats(input: MonthInput): Dashboard {
  const b = monthBounds(input.month)
  const mine = <T extends { supplier: SupplierCode }>(xs: T[]) => (input.supplier ? xs.filter((x) => x.supplier === input.supplier) : xs)
  const cases = mine(input.cases)
  const done = cases.filter((c) => c.closedType === 'completed' && within(c.closedAt, b))
  const paused = done.filter((c) => c.pausedDays > 0)
  const at = input.at.toISOString()
  const open = cases.filter((c) => openAt(c, at))
  const today = chinaDate(input.at)
  return {
    month: input.month,
    supplier: input.supplier,
    received: cases.filter((c) => within(c.submittedAt, b)).length,
    completed: done.length,
    inProgress: open.length,
    // past the limit on that China date: used days never decrease while a case is open
    overdue: open.filter((c) => c.overdueSince !== null && c.overdueSince <= today).length,
    services: serviceFigures(done, input.supplier),
    targets: targetFigures(done),
    slowestStages: slowestStages(done),
    pauses: { cases: paused.length, meanPausedDays: mean(paused.map((c) => c.pausedDays)) },
    ratings: ratingFigures(mine(input.ratings).filter((r) => within(r.ratedAt, b))),
    disputes: { count: mine(input.disputes).length, notMine: mine(input.disputes).filter((d) => d.kind === 'not-mine').length },
  }
}
