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
