import fc from 'fast-check'
import { calendar } from '@/core/calendar/calendar'
import { deriveProgress, type ProgressEvent } from '@/core/progress'
import { SERVICES, serviceByCode, type Service } from '@/core/services'
import { caseFigures, monthlyStats } from '@/core/stats'
import { caseFacts, lapsingResults } from '@/core/progress'
import { cn, derive, history } from './history'

const LV = serviceByCode('lv-business') as Service
const SEED = 20261205
const HOUR = 3600_000

/** A case played from 2026-10-26: per stage, hours before it starts and hours it runs, maybe a pause inside. */
const plan = fc.record({
  service: fc.constantFrom(...SERVICES),
  stages: fc.array(fc.record({ gap: fc.nat(24 * 9), run: fc.integer({ min: 1, max: 24 * 12 }), pause: fc.option(fc.record({ at: fc.nat(100), hours: fc.integer({ min: 1, max: 24 * 6 }) })) }), { minLength: 1, maxLength: 4 }),
  /** how many stages get finished (the rest stay open); all of them and then completion, rejection or withdrawal */
  finished: fc.nat(4),
  ending: fc.constantFrom('open', 'completed', 'withdrawn', 'rejected'),
  nowAfter: fc.nat(24 * 20),
})

type Plan = typeof plan extends fc.Arbitrary<infer T> ? T : never

function play(p: Plan): { events: ProgressEvent[]; submittedAt: string; now: Date } {
  const events: ProgressEvent[] = []
  let t = Date.parse(cn('2026-10-26 09:00'))
  const add = (type: string, stage: string | null, payload: Record<string, unknown> = {}) =>
    events.push({ id: events.length + 1, type, stage, at: new Date(t).toISOString(), payload, correctsId: null })
  add('submitted', null)
  const stages = p.service.stages.slice(0, p.stages.length)
  let finishedAll = true
  for (const [i, stage] of stages.entries()) {
    const s = p.stages[i]
    t += i === 0 ? 0 : s.gap * HOUR
    add('stage-started', stage.code)
    if (s.pause) {
      t += Math.min(s.pause.at, s.run) * HOUR
      add('paused', stage.code, { pauseReason: 'customer-works' })
      t += s.pause.hours * HOUR
      add('resumed', stage.code)
    }
    if (i >= p.finished) { finishedAll = false; break }
    t += s.run * HOUR
    add('stage-finished', stage.code)
  }
  const allStages = finishedAll && stages.length === p.service.stages.length
  if (p.ending !== 'open' && (p.ending !== 'completed' || allStages)) { t += 2 * HOUR; add(p.ending, null) }
  return { events, submittedAt: events[0].at, now: new Date(t + p.nowAfter * HOUR) }
}

describe('stage figures add up to the whole case', () => {
  it('should give every working day to a stage or a named gap, for any history (fast-check, fixed seed)', () => {
    fc.assert(fc.property(plan, (p) => {
      const { events, submittedAt, now } = play(p)
      const { process, stages, gaps } = deriveProgress({ service: p.service, submittedAt, events, now, calendar })
      const sum = stages.reduce((a, s) => a + s.usedDays, 0) + gaps.reduce((a, g) => a + g.usedDays, 0)
      expect(sum).toBe(process.usedDays)
    }), { seed: SEED, numRuns: 400, verbose: true })
  })

  it('should name the 3 working days between 受理签约 and 施工接电 as a gap counted against the utility', () => {
    const h = history()
    h.submit('2026-11-02 10:00', 'accept-sign') // Monday
    h.add('stage-finished', '2026-11-03 10:00', 'accept-sign')
    h.add('stage-started', '2026-11-06 10:00', 'build-connect') // Friday: 11-04, 11-05, 11-06 lie between
    const { process, stages, gaps } = derive(LV, h, '2026-11-09 10:00')
    expect(stages.map((s) => s.usedDays)).toEqual([1, 1])
    expect(gaps).toEqual([{
      after: 'accept-sign', before: 'build-connect', name: '受理签约完成至施工接电开始', from: cn('2026-11-03 10:00'), to: cn('2026-11-06 10:00'), usedDays: 3, estimated: false,
    }])
    expect(process.usedDays).toBe(5)
  })

  it('should keep an open gap while the next stage has not started', () => {
    const h = history()
    h.submit('2026-11-02 10:00', 'accept-sign')
    h.add('stage-finished', '2026-11-02 16:00', 'accept-sign')
    const { gaps, process } = derive(LV, h, '2026-11-05 10:00')
    expect(gaps).toEqual([expect.objectContaining({ after: 'accept-sign', before: null, name: '受理签约完成，下一环节尚未开始', to: null, usedDays: 3 })])
    expect(process.usedDays).toBe(3)
  })
})

describe('the gap reaches the monthly figures', () => {
  it('should store the gap with the stages of a completed case and list it among the slowest stages', () => {
    const h = history()
    h.submit('2026-11-02 10:00', 'accept-sign')
    h.add('stage-finished', '2026-11-03 10:00', 'accept-sign')
    h.stage('build-connect', '2026-11-06 10:00', '2026-11-06 15:00')
    h.add('completed', '2026-11-06 15:00')
    const f = caseFigures({ service: LV, submittedAt: h.events[0].at, events: h.events, calendar })
    expect(f.stages).toEqual([
      { code: 'accept-sign', usedDays: 1, limitDays: 1 }, { code: 'build-connect', usedDays: 0, limitDays: 6 },
      { code: 'gap:accept-sign>build-connect', name: '受理签约完成至施工接电开始', usedDays: 3, limitDays: 0 },
    ])
    const record = { ...f, number: 'WZ20261102000001', service: LV.code, supplier: 'sgcc-wanzhou' as const, townshipCode: '500101138', submittedAt: h.events[0].at }
    const d = monthlyStats({ month: '2026-11', supplier: null, at: new Date(cn('2026-11-30 12:00')), cases: [record], ratings: [], disputes: [] })
    expect(d.slowestStages[0]).toEqual({ service: 'lv-business', stage: 'gap:accept-sign>build-connect', name: '受理签约完成至施工接电开始', meanDays: 3, limitDays: 0, overLimitShare: 1 })
  })
})

describe('the 10 kV written supply plan lapses after a year', () => {
  const HV = serviceByCode('hv-10kv') as Service
  const answered = () => {
    const h = history()
    h.submit('2026-01-30 10:00', 'apply-accept')
    h.add('stage-finished', '2026-01-30 16:00', 'apply-accept')
    h.stage('supply-plan', '2026-01-30 16:00', '2026-01-31 11:00')
    h.add('stage-started', '2026-02-02 09:00', 'external-works')
    return h
  }
  const at = (h: ReturnType<typeof history>, local: string) => lapsingResults(HV, caseFacts(h.events), new Date(cn(local)))

  it('should date the plan from 供电方案答复 and warn 30 days before it lapses, not 31', () => {
    const h = answered()
    expect(at(h, '2026-12-31 10:00')).toEqual([{ stage: 'supply-plan', name: '书面供电方案', issuedOn: '2026-01-31', validUntil: '2027-01-30', daysLeft: 30, warn: true }])
    expect(at(h, '2026-12-30 10:00')[0]).toMatchObject({ daysLeft: 31, warn: false })
    expect(at(h, '2027-02-01 10:00')[0]).toMatchObject({ daysLeft: -2, warn: true })
  })

  it('should say nothing once the case is closed, or before the plan is answered', () => {
    const h = answered()
    h.add('withdrawn', '2026-03-01 10:00')
    expect(at(h, '2026-12-31 10:00')).toEqual([])
    const early = history()
    early.submit('2026-01-30 10:00', 'apply-accept')
    expect(at(early, '2026-12-31 10:00')).toEqual([])
  })
})
