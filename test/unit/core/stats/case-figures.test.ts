import { calendar } from '@/core/calendar/calendar'
import { deriveProgress, type ProgressEvent } from '@/core/progress'
import { serviceByCode, type Service } from '@/core/services'
import { caseFigures, clockAt, workingDayIndex, type CaseRecord } from '@/core/stats'
import { cn } from '../progress/history'
import { CASES, HISTORIES } from './october'

const LV = serviceByCode('lv-business') as Service

describe('caseFigures: stored at the last event (hand-computed October cases)', () => {
  it('should store the final whole-process and per-stage days of a completed case, with its pause', () => {
    expect(CASES.c2).toMatchObject({
      closedType: 'completed', closedAt: cn('2026-10-22 16:00'), paused: false, usedDays: 5, pausedDays: 3, limitDays: 7,
      overdueSince: null, dueIndex: null,
      stages: [{ code: 'accept-sign', usedDays: 1, limitDays: 1 }, { code: 'build-connect', usedDays: 4, limitDays: 6 }],
    })
  })

  it('should find the first day over the limit of a case completed late (its 8th working day)', () => {
    expect(CASES.c3).toMatchObject({ usedDays: 9, overdueSince: '2026-10-26' })
  })

  it('should predict when a running case goes over its limit and where its clock reaches zero', () => {
    expect(CASES.c6).toMatchObject({ closedType: null, paused: false, usedDays: 1, anchorAt: cn('2026-10-21 10:00'), overdueSince: '2026-10-30', currentStage: 'build-connect' })
    expect(CASES.c6.dueIndex).toBe(workingDayIndex(calendar, '2026-10-21') + 6)
  })

  it('should stop the clock of a case waiting for a supplement: no due index, no overdue date', () => {
    expect(CASES.c11).toMatchObject({ paused: true, usedDays: 3, dueIndex: null, overdueSince: null })
  })

  it('should include the 10 kV stages that ran, customer works excluded', () => {
    expect(CASES.c5.stages.map((s) => [s.code, s.usedDays])).toEqual([['apply-accept', 1], ['supply-plan', 7], ['external-works', 3], ['meter-connect', 3]])
    expect(CASES.c5).toMatchObject({ usedDays: 14, pausedDays: 4 })
  })
})

describe('clockAt: the stored figures carried forward agree with deriving the whole history', () => {
  const derivedAt = (c: CaseRecord, events: ProgressEvent[], now: string) =>
    deriveProgress({ service: serviceByCode(c.service) as Service, submittedAt: c.submittedAt, events, now: new Date(cn(now)), calendar }).process

  it.each([
    ['running, over the limit', 'c6', '2026-11-04 12:00'],
    ['running, new', 'c7', '2026-11-02 09:00'],
    ['waiting for a supplement', 'c11', '2026-11-04 12:00'],
    ['completed', 'c3', '2026-12-01 12:00'],
    ['withdrawn', 'c8', '2026-11-04 12:00'],
  ] as const)('should agree for a case %s', (_what, key, now) => {
    const c = CASES[key]
    const clock = clockAt(c, new Date(cn(now)), calendar)
    const d = derivedAt(c, HISTORIES[c.number], now)
    expect(clock).toEqual({ state: d.state, usedDays: d.usedDays, pausedDays: d.pausedDays, remainingDays: d.remainingDays, expectedBy: d.expectedBy })
  })
})

describe('informational events', () => {
  it('should leave the clock and stages alone when a case is urged or rated', () => {
    const events: ProgressEvent[] = [
      { id: 1, type: 'submitted', stage: null, at: cn('2026-11-02 10:00'), payload: {}, correctsId: null },
      { id: 2, type: 'stage-started', stage: 'accept-sign', at: cn('2026-11-02 10:00'), payload: {}, correctsId: null },
    ]
    const urged = [...events, { id: 3, type: 'urged', stage: 'accept-sign', at: cn('2026-11-04 10:00'), payload: { message: '请尽快' }, correctsId: null }]
    const derive = (es: ProgressEvent[]) => deriveProgress({ service: LV, submittedAt: es[0].at, events: es, now: new Date(cn('2026-11-05 10:00')), calendar })
    expect(derive(urged)).toEqual(derive(events))
    const figures = (es: ProgressEvent[]) => ({ ...caseFigures({ service: LV, submittedAt: es[0].at, events: es, calendar }), submittedAt: es[0].at })
    expect(clockAt(figures(urged), new Date(cn('2026-11-05 10:00')), calendar)).toEqual(clockAt(figures(events), new Date(cn('2026-11-05 10:00')), calendar))
  })
})

describe('a 10 kV case is late against the per-case ceiling, not the 28-day average', () => {
  const HV = serviceByCode('hv-10kv') as Service
  const submittedAt = cn('2026-10-12 10:00')
  const events: ProgressEvent[] = [
    { id: 1, type: 'submitted', stage: null, at: submittedAt, payload: {}, correctsId: null },
    { id: 2, type: 'stage-started', stage: 'apply-accept', at: submittedAt, payload: {}, correctsId: null },
  ]
  const f = caseFigures({ service: HV, submittedAt, events, calendar })
  const after = (days: number) => new Date(`${calendar.addWorkingDays('2026-10-12', days).date}T12:00:00+08:00`)

  it('should store the 28-day limit for display and the 40-day ceiling for judging, and predict lateness at the ceiling', () => {
    expect(f).toMatchObject({ limitDays: 28, ceilingDays: 40, usedDays: 0 })
    expect(f.overdueSince).toBe(calendar.addWorkingDays('2026-10-12', 41).date)
    expect(f.dueIndex).toBe(workingDayIndex(calendar, '2026-10-12') + 40)
  })

  it('should keep a running case past 28 days in progress, and make it overdue only past 40, as deriving the history does', () => {
    for (const [days, state] of [[30, 'in-progress'], [40, 'in-progress'], [41, 'overdue']] as const) {
      const clock = clockAt({ ...f, submittedAt }, after(days), calendar)
      expect([days, clock.usedDays, clock.state]).toEqual([days, days, state])
      expect(deriveProgress({ service: HV, submittedAt, events, now: after(days), calendar }).process.state).toBe(state)
    }
  })

  it('should judge a low-voltage case against its own limit (ceiling = limit)', () => {
    expect(CASES.c2).toMatchObject({ limitDays: 7, ceilingDays: 7 })
  })
})
