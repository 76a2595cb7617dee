import { calendar } from '@/core/calendar/calendar'
import { usedWorkingDays, type PauseInterval } from '@/core/progress'
import { cn } from './history'

const used = (from: string, to: string, pauses: PauseInterval[] = []) => usedWorkingDays(cn(from), cn(to), pauses, calendar)

describe('usedWorkingDays', () => {
  it('should count 3 working days when a stage runs from 2026-02-13 across the Spring Festival to 2026-02-25', () => {
    // (02-13, 02-25]: the make-up Saturday 02-14, then 02-24 and 02-25; 02-15 to 02-23 are holidays
    expect(used('2026-02-13 10:00', '2026-02-25 16:00')).toEqual({ used: 3, paused: 0, estimated: false })
  })

  it('should count the make-up Saturday 2026-02-28 when a stage runs from Friday 02-27 to Monday 03-02', () => {
    expect(used('2026-02-27 09:00', '2026-03-02 09:00').used).toBe(2)
  })

  it('should count 4 working days when a stage runs from 2026-09-30 across National Day to 2026-10-12', () => {
    // 10-01 to 10-07 are holidays; 10-08, 10-09, the make-up Saturday 10-10 and Monday 10-12 count
    expect(used('2026-09-30 10:00', '2026-10-12 10:00').used).toBe(4)
  })

  it('should count 0 when start and finish fall on the same China date', () => {
    expect(used('2026-11-26 09:00', '2026-11-26 17:30').used).toBe(0)
  })

  it('should take out only the working days of a pause that spans National Day', () => {
    const pauses = [{ kind: 'supplement' as const, from: cn('2026-09-30 15:00'), to: cn('2026-10-09 11:00') }]
    // (09-29, 10-12] has 5 working days; the pause (09-30, 10-09] holds 10-08 and 10-09
    expect(used('2026-09-29 10:00', '2026-10-12 10:00', pauses)).toEqual({ used: 3, paused: 2, estimated: false })
  })

  it('should count overlapping pauses once when an explicit pause and a supplement request overlap', () => {
    const pauses: PauseInterval[] = [
      { kind: 'pause', from: cn('2026-11-03 10:00'), to: cn('2026-11-06 10:00') },
      { kind: 'supplement', from: cn('2026-11-05 10:00'), to: cn('2026-11-10 10:00') },
    ]
    // (11-02, 11-12]: 8 working days; paused (11-03, 11-10]: 11-04, 05, 06, 09, 10
    expect(used('2026-11-02 10:00', '2026-11-12 10:00', pauses)).toEqual({ used: 3, paused: 5, estimated: false })
  })

  it('should count an open pause up to the end and clip a pause that began before the start', () => {
    const pauses: PauseInterval[] = [{ kind: 'pause', from: cn('2026-11-02 10:00'), to: null }]
    expect(used('2026-11-04 10:00', '2026-11-06 10:00', pauses)).toEqual({ used: 0, paused: 2, estimated: false })
  })

  it('should flag the count as estimated when it runs into 2027, a year without holiday data', () => {
    expect(used('2026-12-30 10:00', '2027-01-04 10:00')).toEqual({ used: 3, paused: 0, estimated: true })
  })
})
