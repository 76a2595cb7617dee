// Seeds many years of applications for the oversight benchmark, fast: one transaction of bulk inserts with
// prepared statements (a million cases in a few minutes on two cores), where seed-applications.ts replays every
// case through the server's journey code (fine for 100,000, hours for a million).
//
// What is real: each case's event log (submitted, each stage started and finished at office hours on working days,
// completed, withdrawn or rejected; some still open at `now`), and its search row is derived from that log by the
// server's own caseFigures, exactly as indexCase would (last_event_id included, so the server's start-up catch-up
// finds nothing stale). Ratings of completed cases, 差评 follow-ups due 15 working days later (most closed in time),
// both electricity enterprises by township (supplierFor), all three electricity services. What is thin: the
// answers, receipts and drafts (placeholders the oversight never reads) and the search row's personal columns
// (empty: the district reads none).
//
//   tsx test/bench/seed-oversight.ts [count] [dir]
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chinaDate } from '../../src/core/calendar/china-date'
import type { Calendar } from '../../src/core/calendar/calendar'
import type { ProgressEvent } from '../../src/core/progress'
import { caseFigures } from '../../src/core/stats'
import { SERVICES, type Service, type StandaloneServiceCode } from '../../src/core/services'
import { BUNDLED_SUPPLY_SETTINGS as SUPPLY, supplierFor } from '../../src/core/supply-settings'
import { TOWNSHIPS } from '../../src/core/wanzhou'
import { openDb } from '../../mock/db/open'
import { seedDemoData } from '../../mock/seed/seed'
import { workingCalendar } from '../../mock/calendar-source'
import { mulberry32 } from './seed-applications'

export interface OversightSeed {
  dataDir: string
  count: number
  /** years back from `now` */
  years: number
  now?: Date
  seed?: number
}

const DAY_MS = 24 * 3600 * 1000
const CHINA_MS = 8 * 3600 * 1000

const SERVICE_SHARE: [StandaloneServiceCode, number][] = [['resident', 0.55], ['lv-business', 0.35], ['hv-10kv', 0.10]]
const byCode = (code: string) => SERVICES.find((s) => s.code === code) as Service

/** An instant on China date `day` at `minutes` after midnight. */
const atChina = (day: string, minutes: number) => new Date(Date.parse(`${day}T00:00:00Z`) - CHINA_MS + minutes * 60_000).toISOString()

export function seedOversight(o: OversightSeed): { dbFile: string; cases: number; events: number; ratings: number; ms: number } {
  const t0 = Date.now()
  const now = o.now ?? new Date()
  const rand = mulberry32(o.seed ?? 20261205)
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]
  const cal: Calendar = workingCalendar('')
  fs.mkdirSync(o.dataDir, { recursive: true })
  const dbFile = path.join(o.dataDir, 'wanzhou.db')
  const db = openDb(dbFile, 'NORMAL')
  db.pragma('synchronous = OFF') // a throw-away bench database: durability is not what is measured
  seedDemoData(db, now)
  db.pragma('foreign_keys = OFF') // every reference below is written valid; checking a million of them would double the time
  db.pragma('cache_size = -200000')

  const userId = 'u_bench_oversight'
  const nowIso = now.toISOString()
  db.prepare('INSERT INTO app_user (id, wx_openid, created_at) VALUES (?, ?, ?)').run(userId, 'wx_bench_oversight', nowIso)
  const draft = db.prepare(`INSERT INTO draft (id, owner_id, answers_json, page, version, updated_at, submitted_number) VALUES (?, ?, '{}', 'check', 1, ?, ?)`)
  // applications started (mock/oversight/take-up.ts): each submitted one, and one in eight more never submitted
  const started = db.prepare('INSERT INTO draft_start (draft_id, supplier, started_at) VALUES (?, ?, ?)')
  const app = db.prepare(`INSERT INTO application (number, owner_id, draft_id, service, supplier, township_code, answers_json, submitted_at, expected_by,
    expected_by_estimated, receipt_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, '{}')`)
  const event = db.prepare(`INSERT INTO application_event (id, application_number, type, stage, actor, at, payload_json) VALUES (?, ?, ?, ?, ?, ?, '{}')`)
  const search = db.prepare(`INSERT INTO application_search (number, supplier, service, township_code, submitted_at, submitted_day, applicant_name, name_masked,
    mobile_masked, closed_type, closed_at, paused, current_stage, limit_days, ceiling_days, used_days, paused_days, anchor_at, expected_by, due_index,
    overdue_since, external_works, stages_json, last_event_id)
    VALUES (@number, @supplier, @service, @township, @submittedAt, @submittedDay, '', '—', '—', @closed_type, @closed_at, @paused, @current_stage, @limit_days,
    @ceiling_days, @used_days, @paused_days, @anchor_at, @expected_by, @due_index, @overdue_since, @external_works, @stages_json, @last_event_id)`)
  const rating = db.prepare(`INSERT INTO rating (application_number, owner_id, grade, indicators_json, rated_at) VALUES (?, ?, ?, '{}', ?)`)
  const followUp = db.prepare(`INSERT INTO rating_follow_up (application_number, grade, created_at, deadline, deadline_estimated, closed_at) VALUES (?, ?, ?, ?, 0, ?)`)

  const spanDays = Math.round(o.years * 365)
  const firstDay = chinaDate(new Date(now.getTime() - spanDays * DAY_MS))
  const perDay = new Map<string, number>()
  let eventId = (db.prepare('SELECT COALESCE(MAX(id), 0) FROM application_event').pluck().get() as number) + 1
  let events = 0
  let ratings = 0
  const answersOf = new Map(SERVICE_SHARE.map(([code]) => [code, JSON.stringify({ service: code })]))

  // bulk load: the tables' indexes are dropped and built again afterwards (one sort each instead of a million
  // scattered inserts), and cases go in day by day, so the primary keys grow in order
  const TABLES = ['application_search', 'application_event', 'application', 'draft', 'draft_start', 'rating', 'rating_follow_up']
  const indexes = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${TABLES.map(() => '?').join(', ')})`)
    .all(...TABLES) as { name: string; sql: string }[]
  for (const ix of indexes) db.exec(`DROP INDEX ${ix.name}`)
  const offsets = Float64Array.from({ length: o.count }, () => Math.floor(rand() * spanDays)).sort()
  db.transaction(() => {
    for (let i = 0; i < o.count; i += 1) {
      // submitted on a day spread evenly over the years (more on working days), in office hours
      let day = chinaDate(new Date(Date.parse(`${firstDay}T04:00:00Z`) + offsets[i] * DAY_MS))
      if (!cal.isWorkingDay(day) && rand() < 0.7) day = cal.addWorkingDays(day, 1).date
      const submittedAt = atChina(day, 8 * 60 + 30 + Math.floor(rand() * 540))
      if (submittedAt > nowIso) continue
      const x = rand()
      const code = x < SERVICE_SHARE[0][1] ? SERVICE_SHARE[0][0] : x < SERVICE_SHARE[0][1] + SERVICE_SHARE[1][1] ? SERVICE_SHARE[1][0] : SERVICE_SHARE[2][0]
      const service = byCode(code)
      const township = pick(TOWNSHIPS).code
      const supplier = supplierFor(SUPPLY, township).supplier
      const seq = (perDay.get(day) ?? 0) + 1
      perDay.set(day, seq)
      const number = `WZ${day.replace(/-/g, '')}${String(seq).padStart(6, '0')}`

      // the log: each stage takes a share of its limit (a few run over); stop at `now`
      const log: ProgressEvent[] = []
      const push = (type: string, stage: string | null, at: string) => { if (at <= nowIso) log.push({ id: eventId + log.length, type, stage, at, payload: {}, correctsId: null }) }
      push('submitted', null, submittedAt)
      let at = submittedAt
      const ending = rand()
      const stopAfter = ending < 0.04 ? Math.floor(rand() * service.stages.length) : -1 // withdrawn or rejected in that stage
      for (let k = 0; k < service.stages.length; k += 1) {
        const stage = service.stages[k]
        push('stage-started', stage.code, at)
        if (k === stopAfter) {
          const endDay = cal.addWorkingDays(chinaDate(new Date(at)), Math.max(1, Math.round(rand() * stage.limitDays))).date
          push(ending < 0.03 ? 'withdrawn' : 'rejected', ending < 0.03 ? null : stage.code, atChina(endDay, 9 * 60 + Math.floor(rand() * 480)))
          break
        }
        const days = Math.max(0, Math.round(stage.limitDays * (0.2 + rand() * (rand() < 0.08 ? 1.6 : 0.9))))
        const endDay = cal.addWorkingDays(chinaDate(new Date(at)), days).date
        const end = atChina(endDay, 9 * 60 + Math.floor(rand() * 480))
        at = end > at ? end : at
        push('stage-finished', stage.code, at)
        if (k === service.stages.length - 1) push('completed', null, at)
      }

      const f = caseFigures({ service, submittedAt, events: log, calendar: cal })
      draft.run(`d_${number}`, userId, submittedAt, number)
      started.run(`d_${number}`, supplier, submittedAt)
      if (seq % 8 === 0) started.run(`d_left_${number}`, supplier, submittedAt)
      app.run(number, userId, `d_${number}`, code, supplier, township, answersOf.get(code), submittedAt, cal.addWorkingDays(day, service.totalLimitDays).date)
      for (const e of log) event.run(e.id, number, e.type, e.stage, e.type === 'submitted' ? `applicant:${userId}` : 'system', e.at)
      eventId += log.length
      events += log.length
      search.run({
        number, supplier, service: code, township, submittedAt, submittedDay: day, closed_type: f.closedType, closed_at: f.closedAt, paused: f.paused ? 1 : 0,
        current_stage: f.currentStage, limit_days: f.limitDays, ceiling_days: f.ceilingDays, used_days: f.usedDays, paused_days: f.pausedDays, anchor_at: f.anchorAt,
        expected_by: f.expectedBy, due_index: f.dueIndex, overdue_since: f.overdueSince, external_works: f.externalWorks === null ? null : Number(f.externalWorks),
        stages_json: JSON.stringify(f.stages), last_event_id: log[log.length - 1].id,
      })

      // a third of completed cases are rated the next working day; 差评 get a follow-up due 15 working days later
      if (f.closedType === 'completed' && f.closedAt && rand() < 0.33) {
        const ratedDay = cal.addWorkingDays(chinaDate(new Date(f.closedAt)), 1).date
        const ratedAt = atChina(ratedDay, 10 * 60 + Math.floor(rand() * 400))
        if (ratedAt <= nowIso) {
          const g = rand()
          const grade = g < 0.04 ? 1 : g < 0.08 ? 2 : g < 0.18 ? 3 : g < 0.45 ? 4 : 5
          rating.run(number, userId, grade, ratedAt)
          ratings += 1
          if (grade <= 2) {
            const deadline = cal.addWorkingDays(ratedDay, 15).date
            const closedDay = cal.addWorkingDays(ratedDay, rand() < 0.9 ? Math.floor(rand() * 14) + 1 : 18).date
            const closedAt = atChina(closedDay, 15 * 60)
            followUp.run(number, grade, ratedAt, deadline, closedAt <= nowIso ? closedAt : null)
          }
        }
      }
    }
  })()
  for (const ix of indexes) db.exec(ix.sql)
  db.pragma('foreign_keys = ON')
  const cases = db.prepare('SELECT COUNT(*) FROM application_search').pluck().get() as number
  db.exec('ANALYZE')
  db.close()
  return { dbFile, cases, events, ratings, ms: Date.now() - t0 }
}

if (require.main === module) {
  const count = Number(process.argv[2] ?? 100_000)
  const dir = process.argv[3] ?? fs.mkdtempSync(path.join(os.tmpdir(), 'wz-seed-oversight-'))
  const r = seedOversight({ dataDir: dir, count, years: 4 })
  process.stdout.write(`${r.cases} cases, ${r.events} events, ${r.ratings} ratings in ${(r.ms / 1000).toFixed(1)} s into ${r.dbFile}\n`)
}
