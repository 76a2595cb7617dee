import { monthBounds, monthlyStats, reportMoment } from '@/core/stats'
import { CASES, RATINGS } from './october'

const cases = Object.values(CASES)
const NOW = new Date('2026-11-26T02:00:00Z')
const DISPUTES = [{ supplier: 'sgcc-wanzhou', kind: 'not-mine' }, { supplier: 'sgcc-wanzhou', kind: 'done' }, { supplier: 'sanxia', kind: 'not-mine' }] as const
const october = (supplier: 'sgcc-wanzhou' | null) =>
  monthlyStats({ month: '2026-10', supplier, at: reportMoment('2026-10', NOW), cases, ratings: RATINGS, disputes: [...DISPUTES] })

describe('the report month', () => {
  it('should run from China midnight of the 1st to that of the next month, December into January', () => {
    expect(monthBounds('2026-10')).toEqual({ start: '2026-09-30T16:00:00.000Z', end: '2026-10-31T16:00:00.000Z' })
    expect(monthBounds('2026-12').end).toBe('2026-12-31T16:00:00.000Z')
  })

  it('should count a past month at its last instant and the running month at now', () => {
    expect(reportMoment('2026-10', NOW).toISOString()).toBe('2026-10-31T15:59:59.999Z')
    expect(reportMoment('2026-11', NOW)).toEqual(NOW)
  })
})

describe('monthlyStats: October 2026 for 国网万州供电分公司 (hand-computed)', () => {
  const d = october('sgcc-wanzhou')

  it('should count received (C2 C3 C4 C6 C7 C8), completed (C1–C5), open (C6 C7 C11) and overdue (C6) cases', () => {
    expect([d.month, d.supplier, d.received, d.completed, d.inProgress, d.overdue]).toEqual(['2026-10', 'sgcc-wanzhou', 6, 5, 3, 1])
  })

  it('should give per service the mean, median, nearest-rank p90 and share within the target of the cases completed', () => {
    expect(d.services).toEqual([
      { service: 'resident', name: '居民新装', target: 5, targetKind: 'max', completed: 1, mean: 3, median: 3, p90: 3, withinTargetShare: 1 },
      // C1 5, C2 5, C3 9: mean 19/3, p90 = the ⌈2.7⌉ = 3rd smallest
      { service: 'lv-business', name: '低压非居民新装（小微企业）', target: 7, targetKind: 'max', completed: 3, mean: 6.3, median: 5, p90: 9, withinTargetShare: 0.667 },
      { service: 'hv-10kv', name: '高压新装（10千伏）', target: 28, targetKind: 'average', completed: 1, mean: 14, median: 14, p90: 14, withinTargetShare: 1 },
    ])
  })

  it('should read the completed cases against both targets: the plan\'s, and the national one only once external works are recorded', () => {
    const row = (t: string, service: string) => d.targets.find((x) => x.code === t)?.services.find((x) => x.service === service)
    expect(d.targets.map((t) => [t.code, t.reported])).toEqual([['plan-2021', false], ['national-2025', true]])
    // plan: C4 3 ≤ 7; C1 5, C2 5 within and C3 9 over 7; C5 is a rural 10 kV case (瀼渡镇), not held to the 28
    expect(row('plan-2021', 'resident')).toMatchObject({ within: 1, over: 0, unknown: 0, notApplicable: 0, withinShare: 1 })
    expect(row('plan-2021', 'lv-business')).toMatchObject({ within: 2, over: 1, unknown: 0, withinShare: 0.667 })
    expect(row('plan-2021', 'hv-10kv')).toMatchObject({ within: 0, over: 0, notApplicable: 1, withinShare: null })
    // national: no case has external works recorded yet
    expect(row('national-2025', 'lv-business')).toMatchObject({ within: 0, over: 0, unknown: 3, withinShare: null })
    expect(row('national-2025', 'hv-10kv')).toMatchObject({ notApplicable: 1 })
  })

  it('should hold recorded cases to 5 or 15 days and an urban 10 kV case to its per-case ceiling', () => {
    const recorded = cases.map((c) => (c.number === 'C1' ? { ...c, externalWorks: false } // 5 ≤ 5
      : c.number === 'C2' ? { ...c, externalWorks: false, usedDays: 6 } // 6 > 5
        : c.number === 'C3' ? { ...c, externalWorks: true } // 9 ≤ 15
          : c.number === 'C5' ? { ...c, townshipCode: '500101001' } : c)) // 高笋塘街道: urban, 14 ≤ 40
    const r = monthlyStats({ month: '2026-10', supplier: 'sgcc-wanzhou', at: reportMoment('2026-10', NOW), cases: recorded, ratings: [], disputes: [] })
    const row = (t: string, service: string) => r.targets.find((x) => x.code === t)?.services.find((x) => x.service === service)
    expect(row('national-2025', 'lv-business')).toMatchObject({ within: 2, over: 1, unknown: 0, withinShare: 0.667 })
    expect(row('plan-2021', 'hv-10kv')).toMatchObject({ within: 1, over: 0, notApplicable: 0, withinShare: 1 })
  })

  it('should rank the slowest stages by mean used days against their limit', () => {
    expect(d.slowestStages).toEqual([
      { service: 'lv-business', stage: 'accept-sign', name: '受理签约', meanDays: 1.3, limitDays: 1, overLimitShare: 0.333 },
      { service: 'resident', stage: 'accept-sign', name: '受理签约', meanDays: 1, limitDays: 1, overLimitShare: 0 },
      { service: 'hv-10kv', stage: 'apply-accept', name: '申请受理', meanDays: 1, limitDays: 1, overLimitShare: 0 },
      { service: 'lv-business', stage: 'build-connect', name: '施工接电', meanDays: 5, limitDays: 6, overLimitShare: 0.333 },
      { service: 'hv-10kv', stage: 'supply-plan', name: '供电方案答复', meanDays: 7, limitDays: 10, overLimitShare: 0 },
    ])
  })

  it('should count the completed cases with paused days (C2 3, C5 4) and their mean', () => {
    expect(d.pauses).toEqual({ cases: 2, meanPausedDays: 3.5 })
  })

  it('should take the ratings given in October with the follow-up of the bad one', () => {
    expect(d.ratings).toEqual({
      count: 3, distribution: { 1: 0, 2: 1, 3: 0, 4: 1, 5: 1 },
      followUps: [{ number: 'C2', grade: 2, deadline: '2026-11-13', estimated: false, closed: false }],
    })
  })
})

describe('monthlyStats: other scopes and moments', () => {
  it('should add 三峡水利\'s C9 for both enterprises', () => {
    const both = october(null)
    expect([both.supplier, both.received, both.completed, both.inProgress, both.overdue]).toEqual([null, 7, 6, 3, 1])
    expect(both.services[1]).toMatchObject({ completed: 4, mean: 5.5, median: 5, p90: 9, withinTargetShare: 0.75 })
    expect(both.ratings.followUps.map((f) => f.number)).toEqual(['C2', 'C9'])
    expect(both.ratings.distribution).toEqual({ 1: 1, 2: 1, 3: 0, 4: 1, 5: 1 })
  })

  it('should count the running month\'s open and overdue cases at now', () => {
    const now = new Date('2026-11-04T04:00:00Z') // Wednesday: C7 has used 4 days, C10 2, C6 is past 7 since 10-30
    const d = monthlyStats({ month: '2026-11', supplier: 'sgcc-wanzhou', at: reportMoment('2026-11', now), cases, ratings: RATINGS, disputes: [...DISPUTES] })
    expect([d.received, d.completed, d.inProgress, d.overdue]).toEqual([1, 0, 4, 1])
    expect(d.services.map((s) => [s.completed, s.mean, s.withinTargetShare])).toEqual([[0, null, null], [0, null, null], [0, null, null]])
    expect(d.ratings).toMatchObject({ count: 1, distribution: { 3: 1 } })
    expect(d.disputes).toEqual({ count: 2, notMine: 1 })
    expect(october(null).disputes).toEqual({ count: 3, notMine: 2 })
  })
})
