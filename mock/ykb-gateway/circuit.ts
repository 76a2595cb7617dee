// A circuit breaker for the calls to 渝快办: after `threshold` failures in a row it opens and calls fail at once
// (the applicant is told at once instead of waiting for each timeout) for `openMs`; then one trial call is let
// through (half-open): its success closes the circuit, its failure opens it again.
import type { CircuitState } from './port'

export interface CircuitOptions {
  threshold: number
  openMs: number
  now?: () => number
}

export class CircuitBreaker {
  private failures = 0
  private openedAt: number | null = null
  private trialRunning = false
  constructor(private readonly o: CircuitOptions) {}

  private get now(): number {
    return (this.o.now ?? Date.now)()
  }

  state(): CircuitState {
    if (this.openedAt === null) return 'closed'
    return this.now - this.openedAt >= this.o.openMs ? 'half-open' : 'open'
  }

  /** Whether a call may go out now; in half-open, only one trial at a time. */
  allow(): boolean {
    const state = this.state()
    if (state === 'closed') return true
    if (state === 'open' || this.trialRunning) return false
    this.trialRunning = true
    return true
  }

  success(): void {
    this.failures = 0
    this.openedAt = null
    this.trialRunning = false
  }

  failure(): void {
    this.trialRunning = false
    this.failures++
    if (this.openedAt !== null || this.failures >= this.o.threshold) this.openedAt = this.now
  }

  /** For /healthz. */
  snapshot(): { state: CircuitState; consecutiveFailures: number } {
    return { state: this.state(), consecutiveFailures: this.failures }
  }
}
