// What the load generator sent and what the server acknowledged (envelope code "00"), kept in the bench
// process: the crash checks compare the database with it after every kill and at the end.
import type { z } from 'zod'
import type { SubmitBody } from '../../../src/contract/applications'
import type { pushRecordSchema } from '../../../src/contract/progress'
import { ApiError } from '../../../src/lib/http/api-error'
import type { CrashServer } from './server'

/** One submit: its Idempotency-Key, body and owner, and the number once acknowledged. */
export interface SubmitEntry {
  key: string
  ownerId: string
  /** the owner's bearer token when it was sent (replays use it) */
  token: string
  body: SubmitBody
  /** event types the submit must store, in order (mock/applications/events.ts submitEvents) */
  baseEvents: string[]
  number?: string
  submittedAt?: string
  /** answers lost to a kill before one came back */
  losses: number
  /** when the last answer was lost (ms): a receipt dated before it was stored before the kill */
  lostAt?: number
}

/** One pushed 办件 record: sent in a batch of its case's next steps. */
export interface PushEntry {
  recordId: string
  number: string
  eventType: string
  /** the record as sent (a replay sends it again) */
  record: z.input<typeof pushRecordSchema>
  /** the records sent together in one request */
  batch: string[]
  eventId?: number
  losses: number
  /** the answer that came back: 'duplicate' after a loss means the lost request had been stored */
  answeredAs?: 'stored' | 'duplicate'
}

export class Ledger {
  readonly submits = new Map<string, SubmitEntry>()
  readonly pushes = new Map<string, PushEntry>()
  /** acknowledged push records per application number, in the order they were stored */
  readonly pushedOf = new Map<string, PushEntry[]>()
  /** acknowledged uploads and materials (e-licence fetches, photos): id → owner */
  readonly uploads = new Map<string, string>()
  readonly materials = new Map<string, string>()
  /** batches sent whose answer has not come back yet: stored entirely or not at all after a kill */
  readonly pendingBatches = new Set<PushEntry[]>()
  /** requests of any kind whose answer was lost to a kill, retried until answered */
  lostRequests = 0
  /** what went wrong; any entry fails the run */
  readonly problems: string[] = []

  acknowledgedSubmits(): SubmitEntry[] {
    return [...this.submits.values()].filter((s) => s.number !== undefined)
  }

  acknowledgedPushes(): PushEntry[] {
    return [...this.pushes.values()].filter((p) => p.eventId !== undefined)
  }

  problem(text: string): void {
    if (this.problems.length < 200) this.problems.push(text)
  }
}

/** A call whose connection died (the server was killed) rather than one the server answered. */
export const isLost = (err: unknown): boolean => err instanceof ApiError && (err.code === 'NETWORK' || err.code === 'TIMEOUT')

/**
 * Runs `call` against the running server until it is answered: waits while the server is down, and sends
 * again (the same request: `call` must be safe to repeat) when the answer is lost to a kill. Refusals throw.
 * `onLost` hears of every loss.
 */
export async function untilAnswered<T>(server: CrashServer, ledger: Ledger, call: () => Promise<T>, onLost?: () => void): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    await server.up()
    try {
      return await call()
    } catch (err) {
      if (!isLost(err)) throw err
      ledger.lostRequests++
      onLost?.()
      if (attempt > 50) throw new Error('no answer after 50 attempts')
      // the kill is being handled: the next attempt waits for the restart
      await new Promise((r) => setTimeout(r, 20))
    }
  }
}
