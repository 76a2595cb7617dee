// The supply enterprises pushing signed 办件 records for acknowledged applications: each case's remaining steps
// as the CLI's nextStep walks them (sometimes with a pause or a supplement request), sent in batches of one to
// three records. A case has at most one batch in flight, so every batch is its case's legal next step; a batch
// whose answer is lost is sent again with the same recordIds (new nonce and signature) until answered.
import crypto from 'node:crypto'
import Database from 'better-sqlite3'
import type { z } from 'zod'
import type { pushRecordSchema } from '../../../src/contract/progress'
import type { ErrorCode } from '../../../src/contract'
import { EVENT_TYPES, type ProgressEvent } from '../../../src/core/progress'
import { serviceByCode, type Service, type SupplierCode } from '../../../src/core/services'
import { BUNDLED_SUPPLY_SETTINGS, supplierFor } from '../../../src/core/supply-settings'
import { ApiError } from '../../../src/lib/http/api-error'
import { submitEvents } from '../../../mock/applications/events'
import { nextStep, type NextStep } from '../../../mock/cli/next-step'
import { clientForSupplier, DEMO_PUSH_KEYS, type PushClient } from '../../../mock/push/clients'
import { sendPush, type PushAnswer } from '../../../mock/push/send'
import { untilAnswered, type PushEntry, type SubmitEntry } from './ledger'
import type { LoadShared } from './applicant'

type RecordInput = z.input<typeof pushRecordSchema>

const EVENT_OF: Record<string, string> = {
  'stage-start': EVENT_TYPES.stageStarted, 'stage-finish': EVENT_TYPES.stageFinished, 'supplement-request': EVENT_TYPES.supplementRequested,
  'supplement-receive': EVENT_TYPES.supplementReceived, pause: EVENT_TYPES.paused, resume: EVENT_TYPES.resumed, complete: EVENT_TYPES.completed,
}

interface Chain {
  number: string
  client: PushClient
  steps: NextStep[]
  next: number
}

/** The push clients' credentials, read from the database the server created (the secrets live only there). */
export function pushClients(dbFile: string): Map<SupplierCode, PushClient> {
  const db = new Database(dbFile, { readonly: true })
  try {
    const clients = new Map<SupplierCode, PushClient>()
    for (const supplier of Object.keys(DEMO_PUSH_KEYS) as SupplierCode[]) {
      const client = clientForSupplier(db, supplier)
      if (!client) throw new Error(`no push client for ${supplier}`)
      clients.set(supplier, client)
    }
    return clients
  } finally {
    db.close()
  }
}

/** Every step to the case's completion, replayed on the history its submit stored (at most one pause and one 补正). */
function remainingSteps(service: Service, entry: SubmitEntry, opts: { pauseAt: number; supplementAt: number }): NextStep[] {
  const at = new Date().toISOString()
  const history: ProgressEvent[] = submitEvents(service, entry.ownerId, entry.body.signature, new Date())
    .map((e, i) => ({ id: i + 1, type: e.type, stage: e.stage, at, payload: e.payload ?? {}, correctsId: null }))
  const steps: NextStep[] = []
  let { pauseAt, supplementAt } = opts
  for (let i = 0; i < 60; i++) {
    let step = nextStep(service, history, { pause: i === pauseAt, supplement: i === supplementAt })
    // a pause only where the plan gives a reason for one, a 补正 only where it lists materials (else the server
    // refuses them, rightly): otherwise the next step, and the pause or 补正 a step later
    if ((step?.action === 'pause' && !step.pauseReason) || (step?.action === 'supplement-request' && !step.materials)) {
      if (step.action === 'pause') pauseAt = i + 1
      else supplementAt = i + 1
      step = nextStep(service, history)
    }
    if (!step) return steps
    steps.push(step)
    history.push({ id: history.length + 1, type: EVENT_OF[step.action], stage: step.stage ?? null, at, payload: {}, correctsId: null })
  }
  throw new Error(`${entry.number}: no end in sight`)
}

const recordOf = (number: string, step: NextStep): RecordInput => {
  const at = Date.now()
  return {
    recordId: `crash-${crypto.randomUUID()}`, caseNumber: number, action: step.action, stage: step.stage, handler: '压测',
    opinion: step.opinion, startTime: at, endTime: step.action === 'stage-finish' ? at : undefined, pauseReason: step.pauseReason,
    materials: step.materials, dueBy: step.dueBy,
  }
}

/** Sends records signed now; a dead connection is NETWORK, a refusal its envelope's code. */
export async function pushRecords(url: string, client: PushClient, records: RecordInput[]): Promise<NonNullable<PushAnswer['data']>> {
  let answer: PushAnswer
  try {
    answer = await sendPush({ base: url, client, body: { records } })
  } catch {
    throw ApiError.client('NETWORK')
  }
  if (answer.code !== '00' || !answer.data) throw new ApiError(answer.code as ErrorCode, `${answer.msg} ${JSON.stringify(answer.errors ?? [])}`)
  return answer.data
}

export class Pusher {
  private ready: Chain[] = []
  /** each acknowledged case's enterprise, for replays */
  readonly clientOf = new Map<string, PushClient>()

  constructor(private readonly shared: LoadShared, private readonly clients: Map<SupplierCode, PushClient>) {}

  /** An acknowledged application joins the queue with its remaining steps. */
  add(entry: SubmitEntry): void {
    const service = serviceByCode(entry.body.answers.service) as Service
    const r = this.shared.rand
    const supplier = supplierFor(BUNDLED_SUPPLY_SETTINGS, entry.body.answers.address.townshipCode).supplier
    const steps = remainingSteps(service, entry, { pauseAt: r.chance(0.2) ? r.int(0, 4) : -1, supplementAt: r.chance(0.1) ? 0 : -1 })
    const client = this.clients.get(supplier) as PushClient
    this.clientOf.set(entry.number as string, client)
    this.ready.push({ number: entry.number as string, client, steps, next: 0 })
  }

  /** One of the enterprises' connections: takes the next ready case, pushes its next batch, until the run winds down. */
  async run(): Promise<void> {
    while (!this.shared.stopping) {
      const chain = this.ready.shift()
      if (!chain) {
        await new Promise((r) => setTimeout(r, 20))
        continue
      }
      const ok = await this.pushBatch(chain)
      if (ok && chain.next < chain.steps.length) this.ready.push(chain)
    }
  }

  private async pushBatch(chain: Chain): Promise<boolean> {
    const { ledger, server, rand } = this.shared
    const steps = chain.steps.slice(chain.next, chain.next + rand.int(1, 3))
    const records = steps.map((s) => recordOf(chain.number, s))
    const batch: PushEntry[] = records.map((record, i) => ({
      recordId: record.recordId, number: chain.number, eventType: EVENT_OF[steps[i].action], record, batch: records.map((x) => x.recordId), losses: 0,
    }))
    for (const e of batch) ledger.pushes.set(e.recordId, e)
    ledger.pendingBatches.add(batch)
    try {
      const data = await untilAnswered(server, ledger, () => pushRecords(server.url, chain.client, records), () => { for (const e of batch) e.losses++ })
      const statuses = new Set(data.results.map((x) => x.status))
      const same = data.results.length === batch.length && data.results.every((x, i) => x.recordId === batch[i].recordId)
      if (!same) ledger.problem(`${chain.number}: push answered for other records than sent`)
      else if (statuses.size > 1) ledger.problem(`${chain.number}: a batch of ${batch.length} records came back part stored, part duplicate: half-written`)
      else if (batch[0].losses === 0 && !statuses.has('stored')) ledger.problem(`${chain.number}: new records answered as duplicates`)
      batch.forEach((e, i) => { e.eventId = data.results[i]?.eventId; e.answeredAs = data.results[i]?.status })
      ledger.pushedOf.set(chain.number, [...(ledger.pushedOf.get(chain.number) ?? []), ...batch])
      chain.next += batch.length
      return true
    } catch (err) {
      ledger.problem(`${chain.number}: push of ${steps.map((s) => s.action).join(', ')} refused: ${err instanceof ApiError ? `${err.code} ${err.message}` : String(err)}`)
      return false
    } finally {
      ledger.pendingBatches.delete(batch)
    }
  }
}
