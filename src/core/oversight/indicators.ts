// The indicators of the district's 12-month trend, as data: a new indicator is one more entry here. Pure.
import type { EnterpriseMonth, OversightMonth, OversightTrend } from '../../contract/oversight'
import { SERVICES, type Service } from '../services'
import { shiftMonth } from '../stats/monthly'

export interface Indicator {
  code: string
  name: string
  unit: '件' | '个工作日' | '%'
  /** the limit the indicator is read against: working days, or a share in percent */
  target: number | null
  value: (e: EnterpriseMonth) => number | null
}

const percent = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10)
const of = (e: EnterpriseMonth, s: Service) => e.services.find((x) => x.service === s.code)

export const INDICATORS: Indicator[] = [
  { code: 'received', name: '受理', unit: '件', target: null, value: (e) => e.received },
  { code: 'completed', name: '办结', unit: '件', target: null, value: (e) => e.completed },
  { code: 'in-progress', name: '在办（月末）', unit: '件', target: null, value: (e) => e.inProgress },
  { code: 'overdue', name: '超时在办（月末）', unit: '件', target: null, value: (e) => e.overdue },
  ...SERVICES.flatMap((s): Indicator[] => [
    // a 10 kV limit is an average over cases: its mean is read against it; a maximum limit binds the median and p90
    s.totalLimitKind === 'average'
      ? { code: `${s.code}:mean`, name: `${s.shortName}平均用时`, unit: '个工作日', target: s.totalLimitDays, value: (e) => of(e, s)?.mean ?? null }
      : { code: `${s.code}:median`, name: `${s.shortName}用时中位数`, unit: '个工作日', target: s.totalLimitDays, value: (e) => of(e, s)?.median ?? null },
    { code: `${s.code}:p90`, name: `${s.shortName}用时90%分位`, unit: '个工作日', target: s.totalLimitKind === 'max' ? s.totalLimitDays : null, value: (e) => of(e, s)?.p90 ?? null },
    { code: `${s.code}:within`, name: `${s.shortName}时限内占比`, unit: '%', target: null, value: (e) => percent(of(e, s)?.withinTargetShare ?? null) },
  ]),
  { code: 'leads-invited', name: '主动服务邀请', unit: '件', target: null, value: (e) => e.leads.invited },
  { code: 'leads-accepted', name: '主动服务邀请已申请', unit: '件', target: null, value: (e) => e.leads.accepted },
  { code: 'satisfied', name: '满意率（4–5星）', unit: '%', target: null, value: (e) => percent(e.ratings.satisfiedShare) },
  { code: 'follow-up', name: '差评15个工作日内回访率', unit: '%', target: 100, value: (e) => percent(e.ratings.followedUpInTimeShare) },
  { code: 'completion', name: '申请完成率', unit: '%', target: null, value: (e) => percent(e.completion.share) },
  { code: 'digital', name: '全程电子证照办理占比', unit: '%', target: null, value: (e) => percent(e.digital.share) },
  { code: 'complaints', name: '在线投诉', unit: '件', target: null, value: (e) => e.complaints.received },
  { code: 'complaint-answer', name: '投诉按期答复率', unit: '%', target: 100, value: (e) => percent(e.complaints.answeredInTimeShare) },
]

/** The months `to` and the 11 before it, oldest first. */
export function trendMonths(to: string, count = 12): string[] {
  return Array.from({ length: count }, (_, k) => shiftMonth(to, k - (count - 1)))
}

/** Each indicator's series per provider over the months given (each an oversightMonth of the same providers). */
export function oversightTrend(months: OversightMonth[]): OversightTrend {
  const providers = months[0]?.enterprises.map((e) => ({ provider: e.provider, name: e.name })) ?? []
  return {
    months: months.map((m) => m.month),
    indicators: INDICATORS.map((ind) => ({
      code: ind.code, name: ind.name, unit: ind.unit, target: ind.target,
      series: providers.map((p) => ({
        ...p, values: months.map((m) => { const e = m.enterprises.find((x) => x.provider === p.provider); return e ? ind.value(e) : null }),
      })),
    })),
  }
}
