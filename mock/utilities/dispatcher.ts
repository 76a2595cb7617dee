// Delivers the outbox: due rows one after another through the utility port, each result recorded at once. One
// dispatcher per server process; a utility that is down delays only its own rows (each row has its own schedule).
import type { Db } from '../db/open'
import { PeriodicDrain } from '../jobs/periodic-drain'
import { dueRows, recordAttempt, type OutboxRow } from './outbox'
import type { UtilityPort } from './port'

export interface DispatcherOptions {
  db: Db
  port: UtilityPort
  now?: () => Date
  random?: () => number
  batch?: number
  /** requests in flight per provider (each utility's rows side by side, every row idempotent by its dispatch id) */
  concurrency?: number
  log?: (result: { provider: string; caseNumber: string; outcome: string; error?: string }) => void
}

/** Sends every row due (runOnce: now), one batch at a time, and counts the attempts made; every second once started. */
export class Dispatcher extends PeriodicDrain {
  constructor(private readonly o: DispatcherOptions) { super(1000) }

  protected async drain(): Promise<number> {
    const { db, port, now = () => new Date(), random, batch = 50 } = this.o
    let attempts = 0
    for (;;) {
      const rows = dueRows(db, now(), batch)
      if (rows.length === 0) return attempts
      // providers side by side, each provider's rows in order: a slow utility holds up only its own
      const byProvider = new Map<string, OutboxRow[]>()
      for (const row of rows) byProvider.set(row.provider, [...(byProvider.get(row.provider) ?? []), row])
      const send = async (row: OutboxRow) => {
        const result = await port.deliver({ provider: row.provider, dispatchId: row.dispatch_id, caseNumber: row.case_number, payload: JSON.parse(row.payload_json) as Record<string, unknown> })
        recordAttempt(db, row, result, now(), random)
        attempts++
        this.o.log?.({ provider: row.provider, caseNumber: row.case_number, outcome: result.outcome, error: result.outcome === 'acknowledged' ? undefined : result.error })
      }
      // each provider's rows through a few lanes: a slow utility holds up only its own lanes
      const lanes = this.o.concurrency ?? 4
      await Promise.all([...byProvider.values()].flatMap((mine) => Array.from({ length: Math.min(lanes, mine.length) }, async (_, lane) => {
        for (let i = lane; i < mine.length; i += lanes) await send(mine[i])
      })))
    }
  }
}
