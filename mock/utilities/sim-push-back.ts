// How the simulated utility works a case it accepted: one step at a time (the end of a stage and the start of the
// next, or the end of the last and completion), each pushed back through our signed push route with the push key
// the utility was handed, exactly as its real system would. The step count is the simulator's own record.
import type { PushRecord } from '../../src/contract/progress'
import { providerByCode } from '../../src/core/providers'
import { SERVICES, type Stage } from '../../src/core/services'
import type { PushCredentials } from '../push/signing'
import { sendPush } from '../push/send'

type SimDb = import('better-sqlite3').Database

interface SimCaseRow { case_number: string; provider: string; utility_ref: string; step: number }

/** The provider's own process: the stages of the one service it provides. */
const stagesOf = (provider: string): Stage[] => SERVICES.find((s) => s.provider === provider)?.stages ?? []

function stepRecords(row: SimCaseRow, stages: Stage[], at: number): Omit<PushRecord, 'recordId'>[] {
  const handler = `${providerByCode(row.provider)?.shortName ?? ''}系统`
  const k = row.step
  const finish = { caseNumber: row.case_number, action: 'stage-finish' as const, stage: stages[k].code, handler, opinion: `${stages[k].name}已完成`, startTime: at }
  if (k < stages.length - 1) {
    return [finish, { caseNumber: row.case_number, action: 'stage-start', stage: stages[k + 1].code, handler, opinion: `${stages[k + 1].name}开始办理`, startTime: at }]
  }
  return [finish, { caseNumber: row.case_number, action: 'complete', handler, opinion: '已开通，办结', startTime: at }]
}

export function simulatorPushBack(db: SimDb, o: { now: () => Date; origin?: () => string }) {
  let running: Promise<number> | null = null

  async function advance(caseNumber: string): Promise<boolean> {
    const row = db.prepare('SELECT case_number, provider, utility_ref, step FROM sim_case WHERE case_number = ?').get(caseNumber) as SimCaseRow | undefined
    const stages = row ? stagesOf(row.provider) : []
    if (!row || row.step >= stages.length || !o.origin) return false
    const key = db.prepare('SELECT app_key AS appKey, secret FROM sim_push_key WHERE provider = ?').get(row.provider) as PushCredentials | undefined
    if (!key) return false
    const records = stepRecords(row, stages, o.now().getTime()).map((r, i) => ({ ...r, recordId: `${row.utility_ref}-${row.step}-${i}` }))
    try {
      const answer = await sendPush({ base: o.origin(), client: key, body: { records }, now: o.now() })
      if (answer.status !== 200) return false
    } catch {
      return false
    }
    db.prepare('UPDATE sim_case SET step = step + 1 WHERE case_number = ? AND step = ?').run(caseNumber, row.step)
    return true
  }

  /** Every case whose next step is due, one after another; the next one scheduled `every(provider)` later. */
  async function pushDue(every: (provider: string) => number | null): Promise<number> {
    const due = db.prepare('SELECT case_number, provider FROM sim_case WHERE next_step_at IS NOT NULL AND next_step_at <= ?').all(o.now().toISOString()) as SimCaseRow[]
    let pushed = 0
    for (const row of due) {
      if (await advance(row.case_number)) pushed++
      const ms = every(row.provider)
      const left = (db.prepare('SELECT step FROM sim_case WHERE case_number = ?').get(row.case_number) as { step: number }).step < stagesOf(row.provider).length
      const next = left && ms !== null ? new Date(o.now().getTime() + ms).toISOString() : null
      db.prepare('UPDATE sim_case SET next_step_at = ? WHERE case_number = ?').run(next, row.case_number)
    }
    return pushed
  }

  return {
    advance,
    advanceDue: (every: (provider: string) => number | null): Promise<number> => {
      running ??= pushDue(every).finally(() => { running = null })
      return running
    },
  }
}
