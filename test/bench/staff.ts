// Staff budgets, measured against the real server (a child process) on 100,000 seeded applications:
//   search by application number, mobile, ID number and name prefix   p95 ≤ 100 ms each
//   the monthly dashboard (one enterprise, the busiest month)          p95 ≤ 500 ms
//   the month's CSV export                                             slowest ≤ 2 s
// Requests go one at a time (a person at a desk), as the supervisor of each enterprise and as the admin, so the
// figures are the server's own time per request. Prints one table; exits 1 when a budget is broken.
//
//   npm run bench:staff    BENCH_STAFF_APPLICATIONS=n seeds another count; BENCH_SUMMARY=file writes the rows as JSON
import fs from 'node:fs'
import os from 'node:os'
import Database from 'better-sqlite3'
import { staffSearchResult } from '../../src/contract/staff'
import { DEMO_STAFF } from '../../mock/seed/demo-data'
import { benchDataDir, runBench, startServer, stopServer } from './child-server'
import { seedApplications } from './seed-applications'

const APPLICATIONS = Number(process.env.BENCH_STAFF_APPLICATIONS ?? 100_000)
const WATCHDOG_SECONDS = 900
const SAMPLES = { search: 200, dashboard: 20, csv: 5 }
const BUDGET = { searchP95: 100, dashboardP95: 500, csvMax: 2000 }

const log = (line: string) => process.stdout.write(`${line}\n`)

export interface StaffBenchRow { what: string; requests: number; p50: number; p95: number; max: number; budget: string; ok: boolean }

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]

async function login(base: string, username: string): Promise<string> {
  const password = DEMO_STAFF.find((s) => s.username === username)?.password
  const res = await fetch(`${base}/api/staff/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) })
  const body = (await res.json()) as { code: string; data: { session: { token: string } } }
  if (body.code !== '00') throw new Error(`staff login ${username}: ${body.code}`)
  return body.data.session.token
}

/** Times each request (sequentially); every answer must be 200 and pass `check`, else the bench fails. */
async function timed(urls: string[], token: string, check: (res: Response) => Promise<string | null>): Promise<number[]> {
  const ms: number[] = []
  for (const url of urls) {
    const t = performance.now()
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(30_000) })
    const problem = res.status !== 200 ? `HTTP ${res.status}: ${(await res.text()).slice(0, 200)}` : await check(res)
    ms.push(performance.now() - t)
    if (problem) throw new Error(`${url}: ${problem}`)
  }
  return ms.sort((a, b) => a - b)
}

function row(what: string, ms: number[], budget: string, ok: (sorted: number[]) => boolean): StaffBenchRow {
  return { what, requests: ms.length, p50: percentile(ms, 50), p95: percentile(ms, 95), max: ms[ms.length - 1], budget, ok: ok(ms) }
}

/** A search answer with at least one hit (every query is built from seeded data), masked as the contract says. */
const searchHit = async (res: Response): Promise<string | null> => {
  const body = (await res.json()) as { code: string; data: unknown }
  const parsed = staffSearchResult.safeParse(body.data)
  if (!parsed.success) return `search answer breaks the contract: ${parsed.error.issues[0]?.message}`
  return parsed.data.total > 0 ? null : 'no hit for a seeded value'
}

interface Sample { numbers: string[]; mobiles: string[]; ids: string[]; prefixes: string[]; month: string }

/** Values to search for, drawn evenly from what was seeded, and the busiest month. */
function sampleOf(dbFile: string): Sample {
  const db = new Database(dbFile, { readonly: true })
  try {
    const every = (sql: string) => db.prepare(sql).pluck().all() as string[]
    const spread = (all: string[]) => Array.from({ length: SAMPLES.search }, (_, i) => all[Math.floor((i * all.length) / SAMPLES.search)])
    const people = db.prepare(`SELECT i.id_number AS id, i.name FROM ykb_identity i WHERE i.id LIKE 'ykb-bench-%' AND EXISTS
      (SELECT 1 FROM app_user u JOIN application a ON a.owner_id = u.id WHERE u.ykb_identity_id = i.id) ORDER BY i.id`).all() as { id: string; name: string }[]
    const month = db.prepare(`SELECT substr(submitted_day, 1, 7) FROM application_search GROUP BY 1 ORDER BY COUNT(*) DESC LIMIT 1`).pluck().get() as string
    return {
      numbers: spread(every('SELECT number FROM application ORDER BY number')),
      mobiles: spread(every(`SELECT DISTINCT json_extract(answers_json, '$.applicant.mobile') FROM application WHERE json_extract(answers_json, '$.applicant.mobile') IS NOT NULL ORDER BY 1`)),
      ids: spread(people.map((p) => p.id)),
      prefixes: spread(people.map((p) => p.name.slice(0, 2))),
      month,
    }
  } finally {
    db.close()
  }
}

async function main(): Promise<number> {
  const t0 = Date.now()
  const dataDir = benchDataDir('wz-bench-staff-')
  log(`staff benchmark: ${os.cpus().length} CPUs, Node ${process.version}; data in ${dataDir} (removed at the end)`)
  const seeded = seedApplications({ dataDir, count: APPLICATIONS, users: Math.max(300, Math.round(APPLICATIONS / 4)), days: 183 })
  log(`seeded ${seeded.cases.length.toLocaleString('en-US')} applications of ${seeded.users.length.toLocaleString('en-US')} applicants over 6 months in ${(seeded.ms / 1000).toFixed(0)} s`)
  const sample = sampleOf(seeded.dbFile)
  const s = await startServer(dataDir)
  const admin = await login(s.url, 'wz-admin')
  const supervisor = await login(s.url, 'gw-banzhang')
  const search = (q: string) => `${s.url}/api/staff/applications?q=${encodeURIComponent(q)}`
  // warm-up: the first requests compile statements and fill caches
  await timed(sample.numbers.slice(0, 10).map(search), admin, searchHit)

  const rows: StaffBenchRow[] = []
  const searchOk = (ms: number[]) => percentile(ms, 95) <= BUDGET.searchP95
  rows.push(row('search by application number (admin)', await timed(sample.numbers.map(search), admin, searchHit), `p95 ≤ ${BUDGET.searchP95} ms`, searchOk))
  rows.push(row('search by mobile (admin)', await timed(sample.mobiles.map(search), admin, searchHit), `p95 ≤ ${BUDGET.searchP95} ms`, searchOk))
  rows.push(row('search by ID number (admin)', await timed(sample.ids.map(search), admin, searchHit), `p95 ≤ ${BUDGET.searchP95} ms`, searchOk))
  rows.push(row('search by name prefix (admin)', await timed(sample.prefixes.map(search), admin, searchHit), `p95 ≤ ${BUDGET.searchP95} ms`, searchOk))
  const dashboards = Array.from({ length: SAMPLES.dashboard }, () => `${s.url}/api/staff/dashboard?month=${sample.month}`)
  const received = async (res: Response) => ((await res.json()) as { code: string }).code === '00' ? null : 'dashboard refused'
  rows.push(row(`dashboard ${sample.month} (国网万州 supervisor)`, await timed(dashboards, supervisor, received), `p95 ≤ ${BUDGET.dashboardP95} ms`,
    (ms) => percentile(ms, 95) <= BUDGET.dashboardP95))
  let csvLines = 0
  const csvs = Array.from({ length: SAMPLES.csv }, () => `${s.url}/api/staff/report.csv?month=${sample.month}`)
  const csvOk = async (res: Response) => {
    const bytes = Buffer.from(await res.arrayBuffer())
    csvLines = bytes.toString('utf8').split('\n').length
    return bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])) ? null : 'CSV without BOM'
  }
  rows.push(row(`CSV export ${sample.month} (国网万州 supervisor)`, await timed(csvs, supervisor, csvOk), `slowest ≤ ${BUDGET.csvMax} ms`,
    (ms) => ms[ms.length - 1] <= BUDGET.csvMax))
  await stopServer()

  log(`\nthe CSV of ${sample.month} has ${csvLines.toLocaleString('en-US')} lines\n`)
  log('| what | requests | p50 ms | p95 ms | max ms | budget | |')
  log('|---|---|---|---|---|---|---|')
  for (const r of rows) log(`| ${r.what} | ${r.requests} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.max.toFixed(1)} | ${r.budget} | ${r.ok ? 'ok' : 'OVER BUDGET'} |`)
  log(`\ntotal ${((Date.now() - t0) / 1000).toFixed(0)} s; load average ${os.loadavg()[0].toFixed(1)} (others' work on the machine makes the figures pessimistic)`)
  if (process.env.BENCH_SUMMARY) fs.writeFileSync(process.env.BENCH_SUMMARY, JSON.stringify(rows))
  return rows.every((r) => r.ok) ? 0 : 1
}

runBench('bench:staff', WATCHDOG_SECONDS, main)
