import { politePoll, DETAIL_POLL } from '../../../src/features/track/polite-poll'

beforeEach(() => jest.useFakeTimers())
afterEach(() => jest.useRealTimers())

/** Lets `ms` of fake time pass, 100 ms at a time, each tick's promise settling as it would. */
async function ticksDuring(ms: number): Promise<void> {
  for (let t = 0; t < ms; t += 100) {
    jest.advanceTimersByTime(100)
    for (let i = 0; i < 5; i++) await Promise.resolve()
  }
}

describe('politePoll (an open detail page asking for its case\'s version)', () => {
  it('should ask every 1.5 s for five quiet minutes, then back off to one ask in 30 s', async () => {
    const at: number[] = []
    const start = Date.now()
    const poll = politePoll(async () => { at.push(Date.now() - start); return false })
    await ticksDuring(60_000)
    expect(at.slice(0, 3)).toEqual([1500, 3000, 4500])
    expect(at.length).toBe(40)
    await ticksDuring(DETAIL_POLL.fastForMs + 5 * 60_000)
    const gaps = at.slice(-4).map((t, i, a) => (i ? t - a[i - 1] : 0)).slice(1)
    expect(gaps).toEqual([30_000, 30_000, 30_000])
    poll.stop()
  })

  it('should come back to the fast pace as soon as something changed', async () => {
    const at: number[] = []
    const start = Date.now()
    let changeAt = Infinity
    const poll = politePoll(async () => { at.push(Date.now() - start); return Date.now() - start >= changeAt })
    await ticksDuring(10 * 60_000)
    const slow = at.at(-1) ?? 0
    changeAt = slow + 1
    await ticksDuring(31_000) // the slow tick that sees the change
    const seen = at.at(-1) ?? 0
    changeAt = Infinity
    await ticksDuring(1600)
    expect(at.at(-1)).toBe(seen + 1500)
    poll.stop()
  })

  it('should not ask while hidden, and ask at once when shown again', async () => {
    const at: number[] = []
    const start = Date.now()
    const poll = politePoll(async () => { at.push(Date.now() - start); return false })
    await ticksDuring(1600)
    expect(at).toEqual([1500])
    poll.setVisible(false)
    await ticksDuring(60_000)
    expect(at).toEqual([1500])
    poll.setVisible(true)
    await ticksDuring(100)
    expect(at).toEqual([1500, 61_600])
    poll.stop()
    await ticksDuring(10_000)
    expect(at.length).toBe(2)
  })

  it('should back off after a failed ask', async () => {
    const at: number[] = []
    const start = Date.now()
    const poll = politePoll(async () => { at.push(Date.now() - start); throw new Error('network') })
    await ticksDuring(20_000)
    expect(at).toEqual([1500, 4500, 10_500])
    poll.stop()
  })
})
