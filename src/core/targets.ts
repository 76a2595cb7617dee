// The time targets a case is read against, as data: the 2021 Wanzhou plan (seed) and the newer national bar
// (domain.md section 13, 据报道 until its text is confirmed). The next policy is one more entry here.
import type { ServiceCode } from './services'
import type { Township } from './wanzhou'

/** Whether the case lies in a town (城镇) or the countryside. */
export type Area = 'urban' | 'rural'

export interface TargetRule {
  services: ServiceCode[]
  /** only cases in this area (the plan's 28 days bind 10千伏城镇用户) */
  area?: Area
  /** only cases that need (true) or do not need (false) external line works, as staff recorded it */
  externalWorks?: boolean
  days: number
  kind: 'max' | 'average'
}

export interface Target {
  code: string
  name: string
  /** 'seed': the binding plan; 'reported': as reported in the press, not yet confirmed from the text */
  source: 'seed' | 'reported'
  rules: TargetRule[]
}

export const TARGETS: Target[] = [
  {
    code: 'plan-2021', name: '万州2021年实施方案', source: 'seed',
    rules: [
      { services: ['lv-business', 'resident'], days: 7, kind: 'max' },
      { services: ['hv-10kv'], area: 'urban', days: 28, kind: 'average' },
    ],
  },
  {
    code: 'national-2025', name: '国家2025年获得电力意见（据报道）', source: 'reported',
    rules: [
      { services: ['lv-business', 'resident'], externalWorks: false, days: 5, kind: 'max' },
      { services: ['lv-business', 'resident'], externalWorks: true, days: 15, kind: 'max' },
    ],
  },
]

/**
 * A 10 kV target is an average over cases; one case is marked late only past this per-case ceiling. Not from
 * any published text: a configurable default, labelled as such wherever it shows.
 */
export const AVERAGE_CASE_CEILING = { days: 40, source: 'default' as const }

/** The used working days past which one case is late: its limit, or for an average limit the per-case ceiling. */
export const lateAfterDays = (limit: { totalLimitDays: number; totalLimitKind: 'max' | 'average' }): number =>
  limit.totalLimitKind === 'average' ? AVERAGE_CASE_CEILING.days : limit.totalLimitDays

/**
 * Urban or rural by the township's kind: 街道 are urban, 镇 and 乡 rural. A default (the urban planning area is not
 * published per address); labelled as such.
 */
export const areaOf = (kind: Township['kind'] | undefined): Area => (kind === '街道' ? 'urban' : 'rural')

export interface CaseTarget {
  code: string
  name: string
  reported: boolean
  /** null when the target says nothing for this case, or cannot tell yet */
  days: number | null
  kind: 'max' | 'average' | null
  status: 'within' | 'over' | 'unknown' | 'not-applicable'
  note: string
}

/** One target's answer, built as one object literal: `{ ...base, k: v }` takes V8's slow path, and every detail read asks. */
const caseTarget = (t: Target, days: number | null, kind: CaseTarget['kind'], status: CaseTarget['status'], note: string): CaseTarget =>
  ({ code: t.code, name: t.name, reported: t.source === 'reported', days, kind, status, note })

/** How one case stands against each target, from its used working days and the facts staff recorded. */
export function caseTargets(service: ServiceCode, facts: { area: Area; externalWorks: boolean | null }, usedDays: number): CaseTarget[] {
  return TARGETS.map((t) => {
    const rules = t.rules.filter((r) => r.services.includes(service) && (r.area === undefined || r.area === facts.area))
    if (!rules.length) {
      const note = t.rules.some((r) => r.services.includes(service)) ? '农村10千伏用户不适用该时限' : '该目标未规定此类业务的时限'
      return caseTarget(t, null, null, 'not-applicable', note)
    }
    const needsWorks = rules.some((r) => r.externalWorks !== undefined)
    if (needsWorks && facts.externalWorks === null) return caseTarget(t, null, null, 'unknown', '待工作人员确认是否需要外部线路工程')
    const rule = rules.find((r) => r.externalWorks === undefined || r.externalWorks === facts.externalWorks) ?? rules[0]
    const worksNote = rule.externalWorks === undefined ? '' : rule.externalWorks ? '（有外部线路工程）' : '（无外部线路工程）'
    if (rule.kind === 'average') {
      const over = usedDays > AVERAGE_CASE_CEILING.days
      return caseTarget(t, rule.days, 'average', over ? 'over' : 'within', `平均不超过${rule.days}个工作日；单件超过${AVERAGE_CASE_CEILING.days}个工作日记为超时（默认值）`)
    }
    return caseTarget(t, rule.days, 'max', usedDays > rule.days ? 'over' : 'within', `不超过${rule.days}个工作日${worksNote}`)
  })
}
