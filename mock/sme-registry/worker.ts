// Works the owed 小微 checks: each due one asked of the registry in turn, its outcome recorded at once (owed.ts).
// One worker per server process; runs every few seconds from the start, and tests call runOnce.
import type { Db } from '../db/open'
import { PeriodicDrain } from '../jobs/periodic-drain'
import { dueChecks, recordLookup } from './owed'
import type { SmeRegistryPort } from './port'

export interface SmallMicroWorkerOptions {
  db: Db
  port: SmeRegistryPort
  now?: () => Date
  random?: () => number
  batch?: number
  log?: (r: { caseNumber: string; outcome: string; reason?: string }) => void
}

/** Asks about every check due (runOnce: now) and counts the answers recorded; every 5 s once started. */
export class SmallMicroWorker extends PeriodicDrain {
  constructor(private readonly o: SmallMicroWorkerOptions) { super(5000) }

  protected async drain(): Promise<number> {
    const { db, port, now = () => new Date(), random, batch = 20 } = this.o
    let recorded = 0
    // a batch at a time until none is due: a failed check moves into the future, so no run asks it twice
    for (;;) {
      const rows = dueChecks(db, now(), batch)
      if (rows.length === 0) return recorded
      for (const row of rows) {
        const result = await port.lookup(row.credit_code)
        if (recordLookup(db, row, result, now(), random)) recorded++
        this.o.log?.({ caseNumber: row.application_number, outcome: result.outcome, reason: result.outcome === 'unavailable' ? result.reason : undefined })
      }
    }
  }
}
