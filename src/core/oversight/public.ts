// The public transparency page's figures: the district's months (oversightMonth), with every cell of fewer than
// MIN_PUBLIC_CASES cases suppressed so that no one can be identified. Pure.
import type { OversightMonth, PublicCell, PublicEnterprise, PublicTimes } from '../../contract/oversight'
import { servicesOfProvider } from '../services'
import { share } from '../stats/summary'
import { SATISFIED_GRADE_MIN } from './month'

export const MIN_PUBLIC_CASES = 5

const promiseText = (days: number, kind: 'max' | 'average') => (kind === 'average' ? `平均不超过${days}个工作日` : `不超过${days}个工作日`)

/** The 12 months (oldest first) as the public sees them, computed at `generatedAt`. */
export function publicTimes(months: OversightMonth[], generatedAt: Date, min = MIN_PUBLIC_CASES): PublicTimes {
  const providers = months[0]?.enterprises.map((e) => ({ provider: e.provider, providerName: e.name })) ?? []
  const enterprise = (m: OversightMonth, provider: string) => m.enterprises.find((e) => e.provider === provider)
  const rows = providers.flatMap((p) => servicesOfProvider(p.provider).map((s) => {
    const cells = months.map((m): PublicCell => {
      const f = enterprise(m, p.provider)?.services.find((x) => x.service === s.code)
      const completed = f?.completed ?? 0
      if (!f || completed < min) return { month: m.month, suppressed: true, completed: null, median: null, p90: null, withinLimitShare: null }
      return { month: m.month, suppressed: false, completed, median: f.median, p90: f.p90, withinLimitShare: f.withinTargetShare }
    })
    const total = months.reduce((n, m) => n + (enterprise(m, p.provider)?.services.find((x) => x.service === s.code)?.completed ?? 0), 0)
    return {
      ...p, service: s.code, serviceName: s.name,
      promise: { days: s.totalLimitDays, kind: s.totalLimitKind, text: promiseText(s.totalLimitDays, s.totalLimitKind) },
      completedTotal: total < min ? null : total, cells,
    }
  }))
  const satisfaction = providers.map((p) => {
    const ratings = months.map((m) => enterprise(m, p.provider)?.ratings)
    const count = ratings.reduce((n, r) => n + (r?.count ?? 0), 0)
    const satisfied = ratings.reduce((n, r) => n + Object.entries(r?.distribution ?? {}).filter(([g]) => Number(g) >= SATISFIED_GRADE_MIN).reduce((a, [, c]) => a + c, 0), 0)
    const due = ratings.reduce((n, r) => n + (r?.followUpsDue ?? 0), 0)
    const inTime = ratings.reduce((n, r) => n + (r?.followedUpInTime ?? 0), 0)
    if (count < min) return { ...p, suppressed: true, ratings: null, satisfiedShare: null, followedUpInTimeShare: null }
    return { ...p, suppressed: false, ratings: count, satisfiedShare: share(satisfied, count), followedUpInTimeShare: due < min ? null : share(inTime, due) }
  })
  const enterprises = providers.map((p): PublicEnterprise => {
    const total = (f: (e: OversightMonth['enterprises'][number]) => number) => months.reduce((n, m) => n + (enterprise(m, p.provider) ? f(enterprise(m, p.provider) as OversightMonth['enterprises'][number]) : 0), 0)
    /** a count and a share over it, both withheld when the count is under the minimum */
    const published = (base: number, part: number) => (base < min ? { base: null, share: null } : { base, share: share(part, base) })
    const completion = published(total((e) => e.completion.started), total((e) => e.completion.submitted))
    const digital = published(total((e) => e.digital.received), total((e) => e.digital.eLicences))
    const received = total((e) => e.complaints.received)
    const answers = published(total((e) => e.complaints.answersDue), total((e) => e.complaints.answeredInTime))
    return {
      ...p,
      completion: { started: completion.base, share: completion.share },
      digital: { received: digital.base, share: digital.share },
      complaints: { received: received < min ? null : received, answeredInTimeShare: answers.share },
    }
  })
  return { generatedAt: generatedAt.toISOString(), months: months.map((m) => m.month), minCases: min, rows, satisfaction, enterprises }
}
