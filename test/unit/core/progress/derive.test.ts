import { serviceByCode, type Service } from '@/core/services'
import { cn, derive, history } from './history'

const LV = serviceByCode('lv-business') as Service

describe('deriveProgress: stages and working days', () => {
  it('should count 3 days for 施工接电 and 4 for the whole case when it runs across the 2026 Spring Festival', () => {
    const h = history()
    h.submit('2026-02-12 10:00', 'accept-sign')
    h.add('stage-finished', '2026-02-13 09:00', 'accept-sign', { handler: '张工' })
    h.stage('build-connect', '2026-02-13 09:00', '2026-02-25 16:00', { handler: '刘工', opinion: '已送电' })
    h.add('completed', '2026-02-25 16:00')
    const { process, stages } = derive(LV, h, '2026-03-02 10:00')
    expect(stages.map((s) => [s.code, s.state, s.usedDays, s.remainingDays])).toEqual([['accept-sign', 'done', 1, 0], ['build-connect', 'done', 3, 3]])
    expect(stages[1]).toMatchObject({ startedAt: cn('2026-02-13 09:00'), finishedAt: cn('2026-02-25 16:00'), handler: '刘工', opinion: '已送电', limitSource: 'default' })
    expect(process).toEqual({
      state: 'completed', usedDays: 4, pausedDays: 0, limitDays: 7, limitKind: 'max', remainingDays: 3,
      expectedBy: '2026-02-25', estimated: false, currentStage: null,
    })
  })

  it('should show the running stage as current and later stages as not started when the case is in progress', () => {
    const h = history()
    h.submit('2026-11-02 10:00', 'accept-sign')
    const { process, stages } = derive(LV, h, '2026-11-02 15:00')
    expect(process).toMatchObject({ state: 'in-progress', usedDays: 0, remainingDays: 7, currentStage: 'accept-sign', expectedBy: '2026-11-11' })
    expect(stages.map((s) => s.state)).toEqual(['in-progress', 'not-started'])
    expect(stages[1]).toMatchObject({ startedAt: null, finishedAt: null, handler: null, usedDays: 0, remainingDays: 6, checkpoints: [] })
  })
})

describe('deriveProgress: the overdue boundary', () => {
  const running = () => {
    const h = history()
    h.submit('2026-11-02 10:00', 'accept-sign') // a Monday
    h.add('stage-finished', '2026-11-03 10:00', 'accept-sign')
    h.add('stage-started', '2026-11-03 10:00', 'build-connect')
    return h
  }

  it('should not be overdue when exactly 7 of 7 working days are used', () => {
    const { process, stages } = derive(LV, running(), '2026-11-11 17:00')
    expect(process).toMatchObject({ state: 'in-progress', usedDays: 7, remainingDays: 0 })
    expect(stages[1]).toMatchObject({ state: 'in-progress', usedDays: 6, limitDays: 6, remainingDays: 0 })
  })

  it('should be overdue with -1 day left when 8 of 7 working days are used', () => {
    const { process, stages } = derive(LV, running(), '2026-11-12 09:00')
    expect(process).toMatchObject({ state: 'overdue', usedDays: 8, remainingDays: -1 })
    expect(stages[1]).toMatchObject({ state: 'overdue', usedDays: 7, remainingDays: -1 })
  })

  it('should keep a finished stage overdue when it took longer than its limit', () => {
    const h = history()
    h.submit('2026-11-02 10:00', 'accept-sign')
    h.add('stage-finished', '2026-11-04 10:00', 'accept-sign')
    const { stages, process } = derive(LV, h, '2026-11-04 11:00')
    expect(stages[0]).toMatchObject({ state: 'overdue', usedDays: 2, remainingDays: -1, finishedAt: cn('2026-11-04 10:00') })
    expect(process).toMatchObject({ state: 'in-progress', currentStage: null })
  })
})

describe('deriveProgress: pauses', () => {
  const withSupplement = () => {
    const h = history()
    h.submit('2026-09-29 10:00', 'accept-sign') // a Tuesday
    h.add('supplement-requested', '2026-09-30 15:00', 'accept-sign', { opinion: '请补充物权证明' })
    return h
  }

  it('should pause the clock and the current stage when a supplement is requested, across National Day', () => {
    const { process, stages } = derive(LV, withSupplement(), '2026-10-09 09:00')
    // (09-29, 10-09]: 09-30, 10-08, 10-09 are working days; the pause (09-30, 10-09] holds 10-08 and 10-09
    expect(process).toMatchObject({ state: 'paused', usedDays: 1, pausedDays: 2, remainingDays: 6, expectedBy: '2026-10-16' })
    expect(stages[0]).toMatchObject({ state: 'paused', usedDays: 1 })
  })

  it('should resume the clock and move the expected date by the paused days when the supplement is received', () => {
    const h = withSupplement()
    h.add('supplement-received', '2026-10-09 11:00', 'accept-sign')
    const { process, stages } = derive(LV, h, '2026-10-12 10:00')
    // (09-29, 10-12]: 5 working days, 2 of them paused; expected = 7 + 2 working days after 09-29
    expect(process).toMatchObject({ state: 'in-progress', usedDays: 3, pausedDays: 2, remainingDays: 4, expectedBy: '2026-10-16' })
    expect(stages[0]).toMatchObject({ state: 'overdue', usedDays: 3 })
  })

  it('should not count an explicit pause for customer works against the utility', () => {
    const h = history()
    h.submit('2026-11-02 10:00', 'accept-sign')
    h.add('paused', '2026-11-02 11:00', null, { pauseReason: 'awaiting-applicant' })
    const paused = derive(LV, h, '2026-11-13 10:00')
    expect(paused.process).toMatchObject({ state: 'paused', usedDays: 0, pausedDays: 9 })
    h.add('resumed', '2026-11-13 10:00')
    expect(derive(LV, h, '2026-11-16 10:00').process).toMatchObject({ state: 'in-progress', usedDays: 1, pausedDays: 9 })
  })
})

describe('deriveProgress: estimates, endings, corrections', () => {
  it('should flag the expected date as an estimate when the deadline falls into 2027', () => {
    const h = history()
    h.submit('2026-12-28 10:00', 'accept-sign')
    const { process, stages } = derive(LV, h, '2026-12-29 10:00')
    // 2027 has no holiday data: 2027-01-01 counts as a plain Friday
    expect(process).toMatchObject({ expectedBy: '2027-01-06', estimated: true, usedDays: 1 })
    expect(stages[0].estimated).toBe(false)
  })

  it.each([['withdrawn'], ['rejected']] as const)('should stop the clock and answer %s when the case ends that way', (type) => {
    const h = history()
    h.submit('2026-11-02 10:00', 'accept-sign')
    h.add(type, '2026-11-03 10:00', null, { reason: '不再需要' })
    const { process, stages } = derive(LV, h, '2026-11-20 10:00')
    expect(process).toMatchObject({ state: type, usedDays: 1, currentStage: 'accept-sign' })
    expect(stages[0]).toMatchObject({ state: 'in-progress', usedDays: 1 })
  })

  it('should read a stage finish through its correction: new handler and opinion, the original server time', () => {
    const h = history()
    h.submit('2026-11-02 10:00', 'accept-sign')
    const finish = h.add('stage-finished', '2026-11-03 10:00', 'accept-sign', { handler: '张工', opinion: '已受理' })
    h.add('stage-finished', '2026-11-04 09:00', 'accept-sign', { handler: '李工', opinion: '已受理（经办人更正）' }, finish.id)
    const { stages } = derive(LV, h, '2026-11-04 10:00')
    expect(stages[0]).toMatchObject({ state: 'done', usedDays: 1, finishedAt: cn('2026-11-03 10:00'), handler: '李工', opinion: '已受理（经办人更正）' })
  })

  it('should let the latest correction win when a correction is itself corrected', () => {
    const h = history()
    h.submit('2026-11-02 10:00', 'accept-sign')
    const wrong = h.add('stage-started', '2026-11-03 10:00', 'build-connect', { handler: '甲' })
    const first = h.add('stage-started', '2026-11-03 11:00', 'build-connect', { handler: '乙' }, wrong.id)
    h.add('stage-started', '2026-11-03 12:00', 'build-connect', { handler: '丙' }, first.id)
    const { stages } = derive(LV, h, '2026-11-03 13:00')
    expect(stages[1]).toMatchObject({ handler: '丙', startedAt: cn('2026-11-03 10:00') })
  })
})
