// One step of the demo "supply enterprise": read the case from the database, push its next step, signed with
// the case's supplier key (also read from the database: secrets are never printed).
import crypto from 'node:crypto'
import type { Db } from '../db/open'
import { chinaDate } from '../../src/core/calendar/china-date'
import { findApplication, loadCase } from '../progress/case'
import { clientForSupplier } from '../push/clients'
import { sendPush, type PushAnswer } from '../push/send'
import { nextStep, type NextStep, type StepOptions } from './next-step'

export interface AdvanceOptions extends StepOptions {
  db: Db
  base: string
  number: string
  now?: () => Date
}

export interface Advanced {
  step: NextStep
  recordId: string
  answer: PushAnswer
}

/** Pushes the next step; undefined when the case is already completed, withdrawn or rejected. Throws when refused. */
export async function advanceCase(o: AdvanceOptions): Promise<Advanced | undefined> {
  const row = findApplication(o.db, o.number)
  if (!row) throw new Error(`no application ${o.number} in this database`)
  const c = loadCase(o.db, row)
  const at = (o.now ?? (() => new Date()))()
  const step = nextStep(c.service, c.events, { ...o, today: chinaDate(at) })
  if (!step) return undefined
  const client = clientForSupplier(o.db, row.supplier)
  if (!client) throw new Error(`no push client for supplier ${row.supplier}: start the server once to create it`)
  const recordId = `demo-${crypto.randomUUID()}`
  const record = {
    recordId, caseNumber: o.number, action: step.action, stage: step.stage, handler: '演示工作人员', opinion: step.opinion,
    startTime: at.getTime(), endTime: step.action === 'stage-finish' ? at.getTime() : undefined, pauseReason: step.pauseReason,
    materials: step.materials, dueBy: step.dueBy,
  }
  const answer = await sendPush({ base: o.base, client, body: { records: [record] }, now: at })
  if (answer.code !== '00') throw new Error(`push refused: ${answer.code} ${answer.msg}${answer.errors?.map((e) => `; ${e.message}`).join('') ?? ''}`)
  return { step, recordId, answer }
}
