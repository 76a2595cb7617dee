// A background job that works through what is due (an outbox, owed checks): run now and then by a timer from the
// server's start until it closes, or at once by a test. One run at a time: a call while one runs joins it.
export abstract class PeriodicDrain {
  private running: Promise<number> | null = null
  private timer: NodeJS.Timeout | null = null
  constructor(private readonly defaultEveryMs: number) {}

  /** Works through everything due now; resolves with how many items it handled (as the job counts them). */
  protected abstract drain(): Promise<number>

  runOnce(): Promise<number> {
    this.running ??= this.drain().finally(() => { this.running = null })
    return this.running
  }

  /** Runs every `everyMs` until stopped; the timer never keeps the process alive. A failed run waits for the next. */
  start(everyMs = this.defaultEveryMs): void {
    this.timer ??= setInterval(() => void this.runOnce().catch(() => undefined), everyMs)
    this.timer.unref()
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    await this.running
  }
}
