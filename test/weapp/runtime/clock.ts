/**
 * Virtual time for the service thread: timers run when the test lets time pass, in order, never by waiting.
 * Network replies are real (the mock server) and take no virtual time, so a run is the same on a busy machine.
 */
interface Timer {
  id: number
  at: number
  every?: number
  fn: () => void
}

export class VirtualClock {
  /** virtual milliseconds since the thread started */
  now = 0
  private timers = new Map<number, Timer>()
  private nextId = 1

  constructor(private readonly run: (fn: () => void, where: string) => void) {}

  setTimeout = (fn: unknown, ms?: number, ...args: unknown[]): number => this.add(fn, ms, false, args)
  setInterval = (fn: unknown, ms?: number, ...args: unknown[]): number => this.add(fn, ms, true, args)
  clear = (id?: number): void => { if (id !== undefined) this.timers.delete(id) }

  private add(fn: unknown, ms: number | undefined, repeat: boolean, args: unknown[]): number {
    if (typeof fn !== 'function') throw new TypeError('timer callback must be a function (no eval in the service thread)')
    const delay = Math.max(0, Number(ms) || 0)
    const id = this.nextId++
    this.timers.set(id, { id, at: this.now + delay, every: repeat ? Math.max(1, delay) : undefined, fn: () => fn(...args) })
    return id
  }

  /** the next timer due no later than `until`, or none */
  private due(until: number): Timer | undefined {
    let first: Timer | undefined
    for (const t of this.timers.values()) if (t.at <= until && (!first || t.at < first.at)) first = t
    return first
  }

  /** Runs the earliest timer due by `until` (moving time to it); false when none is due. */
  step(until: number): boolean {
    const t = this.due(until)
    if (!t) return false
    this.now = Math.max(this.now, t.at)
    if (t.every) t.at = this.now + t.every
    else this.timers.delete(t.id)
    this.run(t.fn, 'timer')
    return true
  }

  /** Time passes to `until` with nothing else due (call after step() says false). */
  passTo(until: number): void {
    this.now = Math.max(this.now, until)
  }

  /** Drops every timer (the thread is being shut down). */
  stopAll(): void {
    this.timers.clear()
  }

  pending(): number {
    return this.timers.size
  }
}
