import { figureDifferences, INDICATORS, oversightMonth, oversightTrend, publicTimes, ratingFigures, trendMonths } from '@/core/oversight'
import type { RatingRecord } from '@/core/stats'
import { reportMoment } from '@/core/stats'
import { cn } from '../progress/history'
import { CASES, RATINGS } from '../stats/october'

const cases = Object.values(CASES)
const NOW = new Date('2026-11-26T02:00:00Z')
const DISPUTES = [{ supplier: 'sgcc-wanzhou', kind: 'not-mine' }, { supplier: 'sanxia', kind: 'not-mine' }] as const
// in-app complaints (by the case's enterprise): 国网万州 one answered on its due day, one answered late, one not yet due
// on NOW's date (11-26); 三峡水利 one unanswered and past its due day
const COMPLAINTS = [
  { supplier: 'sgcc-wanzhou', receivedAt: '2026-10-09T02:00:00Z', answerDue: '2026-10-16', answeredAt: '2026-10-16T09:00:00Z' },
  { supplier: 'sgcc-wanzhou', receivedAt: '2026-10-12T02:00:00Z', answerDue: '2026-10-19', answeredAt: '2026-10-20T01:00:00Z' },
  { supplier: 'sgcc-wanzhou', receivedAt: '2026-10-30T02:00:00Z', answerDue: '2026-11-27', answeredAt: null },
  { supplier: 'sanxia', receivedAt: '2026-10-15T02:00:00Z', answerDue: '2026-10-22', answeredAt: null },
]
// drafts that named their address and how many were submitted; applications received and how many used e-licences only
const TAKE_UP = [{ supplier: 'sgcc-wanzhou', started: 8, submitted: 6, received: 6, eLicences: 4 }]
const monthOf = (month: string, asOf = NOW, ratings = RATINGS) => oversightMonth({
  month, at: reportMoment(month, NOW), asOf, providers: ['sgcc-wanzhou', 'sanxia', 'wz-water'], cases, ratings, disputes: [...DISPUTES], complaints: COMPLAINTS, takeUp: TAKE_UP,
})

describe('oversightMonth: October 2026, enterprises side by side (hand-computed, cases derived from their event logs)', () => {
  const [gw, sx, water] = monthOf('2026-10').enterprises

  it('should give 国网万州 the counts of its 班长\'s dashboard: received C2 C3 C4 C6 C7 C8, completed C1–C5, open C6 C7 C11, overdue C6', () => {
    expect([gw.provider, gw.name, gw.received, gw.completed, gw.inProgress, gw.overdue]).toEqual(['sgcc-wanzhou', '国网万州供电分公司', 6, 5, 3, 1])
    // C1 5, C2 5, C3 9: mean 6.3, median 5, p90 the 3rd smallest 9, 2 of 3 within 7
    expect(gw.services[1]).toEqual({ service: 'lv-business', name: '低压非居民新装（小微企业）', target: 7, targetKind: 'max', completed: 3, mean: 6.3, median: 5, p90: 9, withinTargetShare: 0.667 })
    // 10 kV: the limit is an average of 28
    expect(gw.services[2]).toMatchObject({ target: 28, targetKind: 'average', completed: 1, mean: 14 })
    expect(gw.pauses).toEqual({ cases: 2, meanPausedDays: 3.5 })
    expect(gw.disputes).toEqual({ count: 1, notMine: 1 })
  })

  it('should give each enterprise its completion rate and digital take-up; an enterprise without records gets zeros, not shares', () => {
    expect([gw.completion, gw.digital]).toEqual([{ started: 8, submitted: 6, share: 0.75 }, { received: 6, eLicences: 4, share: 0.667 }])
    expect([sx.completion, sx.digital]).toEqual([{ started: 0, submitted: 0, share: null }, { received: 0, eLicences: 0, share: null }])
  })

  it('should count each enterprise\'s complaints: 国网万州 1 of its 2 decided answered in time (the third not yet due), 三峡水利 0 of 1', () => {
    expect(gw.complaints).toEqual({ received: 3, answersDue: 2, answeredInTime: 1, answeredInTimeShare: 0.5 })
    expect(sx.complaints).toEqual({ received: 1, answersDue: 1, answeredInTime: 0, answeredInTimeShare: 0 })
    expect(water.complaints).toEqual({ received: 0, answersDue: 0, answeredInTime: 0, answeredInTimeShare: null })
  })

  it('should rate 国网万州 on October\'s ratings (C1 5, C2 2, C4 4; C3\'s came in November): 2 of 3 satisfied, mean 3.7', () => {
    expect(gw.ratings).toMatchObject({ count: 3, distribution: { 1: 0, 2: 1, 3: 0, 4: 1, 5: 1 }, satisfiedShare: 0.667, meanGrade: 3.7, bad: 1 })
  })

  it('should keep 三峡水利\'s C9 apart: received 1, completed 1 in 3 days, one 差评', () => {
    expect([sx.received, sx.completed, sx.inProgress, sx.overdue]).toEqual([1, 1, 0, 0])
    expect(sx.services[1]).toMatchObject({ completed: 1, mean: 3, median: 3, p90: 3, withinTargetShare: 1 })
    expect(sx.ratings).toMatchObject({ count: 1, satisfiedShare: 0, meanGrade: 1, bad: 1 })
  })

  it('should give a provider with no cases yet (a joint-connection utility) its column of zeros, no invented figures', () => {
    expect([water.provider, water.received, water.completed, water.ratings.count, water.services.map((s) => [s.service, s.median]), water.ratings.followedUpInTimeShare])
      .toEqual(['wz-water', 0, 0, 0, [['water-connect', null]], null])
  })
})

describe('the share of 差评 followed up within 15 working days (C2: rated 10-23, deadline 11-13)', () => {
  const c2 = (closedLocal: string | null): RatingRecord[] => [{
    number: 'C2', supplier: 'sgcc-wanzhou', grade: 2, ratedAt: cn('2026-10-23 11:00'),
    followUp: { deadline: '2026-11-13', estimated: false, closed: closedLocal !== null, closedAt: closedLocal && cn(closedLocal) },
  }]
  const judge = (closedLocal: string | null, asOfLocal: string) => {
    const f = ratingFigures(c2(closedLocal), new Date(cn(asOfLocal)))
    return [f.bad, f.followUpsDue, f.followedUpInTime, f.followedUpInTimeShare]
  }

  it('should count a follow-up closed on or before its deadline as in time', () => {
    expect(judge('2026-11-13 17:00', '2026-11-26 10:00')).toEqual([1, 1, 1, 1])
  })
  it('should count one closed after its deadline, or still open past it, as due and not in time', () => {
    expect(judge('2026-11-16 09:00', '2026-11-26 10:00')).toEqual([1, 1, 0, 0])
    expect(judge(null, '2026-11-26 10:00')).toEqual([1, 1, 0, 0])
  })
  it('should leave an open follow-up before its deadline out of the share (not yet decided)', () => {
    expect(judge(null, '2026-11-10 10:00')).toEqual([1, 0, 0, null])
    expect(judge(null, '2026-11-13 23:00')).toEqual([1, 0, 0, null])
  })
  it('should judge as of the moment given: a close after it is not seen (so a frozen report recomputes alike)', () => {
    expect(judge('2026-11-12 09:00', '2026-11-10 10:00')).toEqual([1, 0, 0, null])
  })
})

describe('oversightTrend', () => {
  it('should end 12 months at the month asked, across a year boundary', () => {
    expect(trendMonths('2026-10')).toEqual(['2025-11', '2025-12', ...Array.from({ length: 10 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`)])
    expect(trendMonths('2027-01', 3)).toEqual(['2026-11', '2026-12', '2027-01'])
  })

  it('should give each indicator a series per provider: September received C1 C5 C11 for 国网万州, October 6', () => {
    const t = oversightTrend([monthOf('2026-09'), monthOf('2026-10')])
    const series = (code: string, provider = 'sgcc-wanzhou') => t.indicators.find((i) => i.code === code)?.series.find((s) => s.provider === provider)?.values
    expect(t.months).toEqual(['2026-09', '2026-10'])
    expect(t.indicators.map((i) => i.code)).toEqual(INDICATORS.map((i) => i.code))
    expect(series('received')).toEqual([3, 6])
    expect(series('received', 'sanxia')).toEqual([0, 1])
    expect(series('completed')).toEqual([0, 5])
    expect(series('lv-business:median')).toEqual([null, 5])
    expect(series('lv-business:within')).toEqual([null, 66.7])
    expect(series('hv-10kv:mean')).toEqual([null, 14])
    expect(series('satisfied')).toEqual([null, 66.7])
    expect(series('follow-up')).toEqual([null, 0])
    expect(t.indicators.find((i) => i.code === 'lv-business:p90')?.target).toBe(7)
  })
})

describe('publicTimes: the public page\'s cells, small ones suppressed', () => {
  const months = [monthOf('2026-09'), monthOf('2026-10')]
  const row = (t: ReturnType<typeof publicTimes>, provider: string, service: string) => t.rows.find((r) => r.provider === provider && r.service === service)

  it('should suppress every cell of fewer than 5 completed cases, count included (国网万州 completed 3 低压 cases in October)', () => {
    const t = publicTimes(months, NOW)
    expect(t.minCases).toBe(5)
    expect(row(t, 'sgcc-wanzhou', 'lv-business')?.cells).toEqual([
      { month: '2026-09', suppressed: true, completed: null, median: null, p90: null, withinLimitShare: null },
      { month: '2026-10', suppressed: true, completed: null, median: null, p90: null, withinLimitShare: null },
    ])
    expect(row(t, 'sgcc-wanzhou', 'lv-business')?.completedTotal).toBeNull()
    expect(t.satisfaction[0]).toEqual({ provider: 'sgcc-wanzhou', providerName: '国网万州供电分公司', suppressed: true, ratings: null, satisfiedShare: null, followedUpInTimeShare: null })
  })

  it('should publish the oversight view\'s own figures once a cell reaches the minimum (here 3), with the promise beside them', () => {
    const t = publicTimes(months, NOW, 3)
    expect(row(t, 'sgcc-wanzhou', 'lv-business')).toMatchObject({
      providerName: '国网万州供电分公司', serviceName: '低压非居民新装（小微企业）', completedTotal: 3,
      promise: { days: 7, kind: 'max', text: '不超过7个工作日' },
    })
    expect(row(t, 'sgcc-wanzhou', 'lv-business')?.cells[1]).toEqual({ month: '2026-10', suppressed: false, completed: 3, median: 5, p90: 9, withinLimitShare: 0.667 })
    expect(row(t, 'sgcc-wanzhou', 'hv-10kv')?.promise.text).toBe('平均不超过28个工作日')
    // October's 3 ratings: C1 5 and C4 4 satisfied; C2's follow-up is the only one due (1 < 3: not published)
    expect(t.satisfaction[0]).toMatchObject({ suppressed: false, ratings: 3, satisfiedShare: 0.667, followedUpInTimeShare: null })
    expect(t.months).toEqual(['2026-09', '2026-10'])
    expect(t.generatedAt).toBe(NOW.toISOString())
  })
})

describe('figureDifferences: a frozen report against the recomputed month', () => {
  it('should name every leaf that differs by its path, and nothing when they agree', () => {
    const reported = monthOf('2026-10').enterprises[0]
    expect(figureDifferences(reported, structuredClone(reported))).toEqual([])
    const changed = structuredClone(reported)
    changed.completed = 6
    changed.services[1].p90 = 10
    expect(figureDifferences(reported, changed)).toEqual([
      { field: 'completed', reported: 5, recomputed: 6 }, { field: 'services.1.p90', reported: 9, recomputed: 10 },
    ])
  })
})
