// The 小微企业认定 side of the crash checks: a check owed is stored with its submit (one row per case that owes one,
// none for any other), and its answer is recorded once: at most one small-micro-checked event per case, exactly one
// once the row is settled, none while it is owed. At the end every check has been answered (the demo's simulated
// registry answers every code the load uses), however many kills fell between asking and recording.
import type Database from 'better-sqlite3'
import { EVENT_TYPES } from '../../../src/core/progress/events'
import { serviceByCode } from '../../../src/core/services'
import { owesSmallMicroCheck } from '../../../src/core/small-micro'
import type { StoreCheck } from './checks'

export interface SmallMicroFigures {
  owed: number
  recorded: number
}

/** Recorded by the server after the submit, at any point of a case's history: not part of what was acknowledged. */
export const recordedAfterTheFact = (type: string): boolean => type === EVENT_TYPES.smallMicroChecked

export function checkSmallMicro(db: Database.Database, r: StoreCheck, final: boolean): SmallMicroFigures {
  const apps = db.prepare('SELECT number, service, answers_json FROM application').all() as { number: string; service: string; answers_json: string }[]
  const rows = new Map((db.prepare('SELECT application_number, state FROM small_micro_check').all() as { application_number: string; state: string }[])
    .map((c) => [c.application_number, c.state]))
  const answers = new Map<string, number>()
  for (const e of db.prepare('SELECT application_number FROM application_event WHERE type = ?').all(EVENT_TYPES.smallMicroChecked) as { application_number: string }[]) {
    answers.set(e.application_number, (answers.get(e.application_number) ?? 0) + 1)
  }
  for (const a of apps) {
    const { applicant } = JSON.parse(a.answers_json) as { applicant: { kind: 'individual' | 'business'; creditCode?: string } }
    const service = serviceByCode(a.service)
    const owes = service !== undefined && owesSmallMicroCheck(service, applicant.kind, applicant.creditCode)
    const state = rows.get(a.number)
    const n = answers.get(a.number) ?? 0
    if (owes && !state) r.halfWritten.push(`application ${a.number} owes a 小微 check that was not stored with it`)
    if (!owes && state) r.halfWritten.push(`application ${a.number} has a 小微 check it does not owe`)
    if (n > 1) r.duplicates.push(`application ${a.number}: 小微 answer recorded ${n} times`)
    if (state === 'recorded' && n === 0) r.halfWritten.push(`application ${a.number}: 小微 check settled without its event`)
    if (state === 'owed' && n > 0) r.halfWritten.push(`application ${a.number}: 小微 answer recorded, check still owed`)
    if (final && state === 'owed') r.missing.push(`application ${a.number}: 小微 check never answered`)
  }
  for (const number of answers.keys()) if (!rows.has(number)) r.halfWritten.push(`application ${number}: 小微 answer without an owed check`)
  const states = [...rows.values()]
  return { owed: states.length, recorded: states.filter((s) => s === 'recorded').length }
}
