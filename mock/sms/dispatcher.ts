// Hands the SMS outbox to the sender: due messages one after another, each result recorded at once. One per
// server process, started with the server and stopped when it closes.
import type { Db } from '../db/open'
import { PeriodicDrain } from '../jobs/periodic-drain'
import { dueSms, recordSms } from './outbox'
import type { SmsSender } from './port'

export interface SmsDispatcherOptions {
  db: Db
  sender: SmsSender
  now?: () => Date
  random?: () => number
  log?: (r: { template: string; outcome: string; error?: string }) => void
}

/** Sends every message due (runOnce: now) and counts the attempts made; every half second once started. */
export class SmsDispatcher extends PeriodicDrain {
  constructor(private readonly o: SmsDispatcherOptions) { super(500) }

  protected async drain(): Promise<number> {
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
}
