// Hands the SMS outbox to the sender: due messages one after another, each result recorded at once. One per
// server process, started with the server and stopped when it closes.
import type { Db } from '../db/open'
import { dueSms, recordSms } from './outbox'
import type { SmsSender } from './port'

export interface SmsDispatcherOptions {
  db: Db
  sender: SmsSender
  now?: () => Date
  random?: () => number
  log?: (r: { template: string; outcome: string; error?: string }) => void
}

export class SmsDispatcher {
  private running: Promise<number> | null = null
  private timer: NodeJS.Timeout | null = null
  constructor(private readonly o: SmsDispatcherOptions) {}

  /** Sends every message due now and returns how many attempts were made. */
  runOnce(): Promise<number> {
    this.running ??= this.drain().finally(() => { this.running = null })
    return this.running
  }

  private async drain(): Promise<number> {
    const { db, sender, now = () => new Date(), random } = this.o
    let attempts = 0
    for (let rows = dueSms(db, now(), 20); rows.length > 0; rows = dueSms(db, now(), 20)) {
      for (const row of rows) {
        const result = await sender.send({ messageId: row.message_id, to: row.to_mobile, text: row.text, template: row.template })
        recordSms(db, row, result, sender, now(), random)
        attempts++
        this.o.log?.({ template: row.template, outcome: result.outcome, error: result.outcome === 'sent' ? undefined : result.error })
      }
    }
    return attempts
  }

  start(everyMs = 500): void {
    this.timer ??= setInterval(() => void this.runOnce().catch(() => undefined), everyMs)
    this.timer.unref()
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    await this.running
  }
}
