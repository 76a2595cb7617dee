// Sending acknowledged requests again after a crash: a submit with the same Idempotency-Key and body must get
// the receipt of the number it was acknowledged with; a push record with the same recordId must be answered
// 'duplicate' with the event it was acknowledged with. Nothing new may be stored.
import type { PushClient } from '../../../mock/push/clients'
import { submitAgain } from './applicant'
import { untilAnswered, type Ledger, type PushEntry, type SubmitEntry } from './ledger'
import { pushRecords } from './pusher'
import type { CrashServer } from './server'

export interface Replays {
  submits: number
  pushes: number
  /** replays whose answer was not the original one */
  differ: string[]
}

export const noReplays = (): Replays => ({ submits: 0, pushes: 0, differ: [] })

export async function replay(server: CrashServer, ledger: Ledger, clientOf: Map<string, PushClient>,
  submits: SubmitEntry[], pushes: PushEntry[], into: Replays): Promise<void> {
  const one = async (what: string, call: () => Promise<string | undefined>) => {
    try {
      const differs = await untilAnswered(server, ledger, call)
      if (differs) into.differ.push(`${what}: ${differs}`)
    } catch (err) {
      into.differ.push(`${what}: refused (${err instanceof Error ? err.message : String(err)})`)
    }
  }
  into.submits += submits.length
  into.pushes += pushes.length
  await Promise.all([
    ...submits.map((s) => one(`submit ${s.key}`, async () => {
      const receipt = await submitAgain(server.url, s)
      return receipt.number === s.number && receipt.submittedAt === s.submittedAt ? undefined : `answered ${receipt.number} at ${receipt.submittedAt}, acknowledged ${s.number} at ${s.submittedAt}`
    })),
    ...pushes.map((p) => one(`push record ${p.recordId}`, async () => {
      const [result] = (await pushRecords(server.url, clientOf.get(p.number) as PushClient, [p.record])).results
      return result?.status === 'duplicate' && result.eventId === p.eventId ? undefined : `answered ${result?.status} event ${result?.eventId}, acknowledged event ${p.eventId}`
    })),
  ])
}
