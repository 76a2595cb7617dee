// The district's oversight at the scale of all Chongqing: 1,000,000 applications over four years, every electricity
// service, both enterprises, seeded fast (seed-oversight.ts), measured against the real server (a child process),
// as 区经信委 one request at a time:
//   an ended month's view, from its kept case part (oversight/figures.ts)      p95 ≤ 300 ms
//   the 12-month trend (ended months)                                          p95 ≤ 500 ms
//   the public page, from its day's cache                                      p95 ≤ 20 ms
// The first view of each month after a start (reading every case it concerns) and the running month (never kept)
// are measured and printed too, without a budget: they are what a cold start costs.
// Prints one table; exits 1 when a budget is broken.
//
//   npm run bench:oversight    BENCH_OVERSIGHT_APPLICATIONS=n seeds another count; BENCH_SUMMARY=file writes the rows as JSON
import fs from 'node:fs'
import os from 'node:os'
import { shiftMonth } from '../../src/core/stats'
import { chinaDate } from '../../src/core/calendar/china-date'
import { DEMO_STAFF } from '../../mock/seed/demo-data'
import { benchDataDir, runBench, startServer, stopServer } from './child-server'
import { seedOversight } from './seed-oversight'

const APPLICATIONS = Number(process.env.BENCH_OVERSIGHT_APPLICATIONS ?? 1_000_000)
const YEARS = 4
const WATCHDOG_SECONDS = 3600
const BUDGET = { monthP95: 300, trendP95: 500, publicP95: 20 }
const log = (line: string) => process.stdout.write(`${line}\n`)
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]

export interface OversightBenchRow { what: string; requests: number; p50: number; p95: number; max: number; budget: string; ok: boolean }

async function login(base: string): Promise<string> {
  const password = DEMO_STAFF.find((s) => s.username === 'wz-jxw')?.password
  const res = await fetch(`${base}/api/staff/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'wz-jxw', password }) })
  const body = (await res.json()) as { code: string; data: { session: { token: string } } }
  if (body.code !== '00') throw new Error(`district login: ${body.code}`)
  return body.data.session.token
}

/** Times each request (sequentially); every answer must be 200 with code 00 and pass `check`. */
async function timed(urls: string[], token: string | null, check: (data: unknown) => string | null = () => null): Promise<number[]> {
  const ms: number[] = []
  for (const url of urls) {
    const t = performance.now()
    const res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {}, signal: AbortSignal.timeout(120_000) })
    const body = (await res.json()) as { code: string; data: unknown }
    ms.push(performance.now() - t)
    const problem = res.status !== 200 || body.code !== '00' ? `HTTP ${res.status} ${body.code}` : check(body.data)
    if (problem) throw new Error(`${url}: ${problem}`)
  }
  return ms.sort((a, b) => a - b)
}

function row(what: string, ms: number[], budget: number | null): OversightBenchRow {
  const p95 = percentile(ms, 95)
  return { what, requests: ms.length, p50: percentile(ms, 50), p95, max: ms[ms.length - 1], budget: budget === null ? '(measured)' : `p95 ≤ ${budget} ms`, ok: budget === null || p95 <= budget }
}

/** Both enterprises received something in the month: the figures are real, not an empty answer. */
const bothBusy = (data: unknown) => {
  const m = data as { enterprises: { provider: string; received: number }[] }
  return m.enterprises.filter((e) => e.received > 0).length >= 2 ? null : 'a month without cases for both enterprises'
}

async function main(): Promise<number> {
  const t0 = Date.now()
  const dataDir = benchDataDir('wz-bench-oversight-')
  log(`oversight benchmark: ${os.cpus().length} CPUs, Node ${process.version}; data in ${dataDir} (removed at the end)`)
  const seeded = seedOversight({ dataDir, count: APPLICATIONS, years: YEARS })
  log(`seeded ${seeded.cases.toLocaleString('en-US')} applications (${seeded.events.toLocaleString('en-US')} events, ${seeded.ratings.toLocaleString('en-US')} ratings) over ${YEARS} years in ${(seeded.ms / 1000).toFixed(0)} s; database ${(fs.statSync(seeded.dbFile).size / 1e9).toFixed(2)} GB`)
  const started = Date.now()
  const s = await startServer(dataDir)
  log(`server up in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  const token = await login(s.url)
  const running = chinaDate(new Date()).slice(0, 7)
  const lastEnded = shiftMonth(running, -1)
  // twelve ended months spread over the four years, and the trend's twelve
  const spread = Array.from({ length: 12 }, (_, k) => shiftMonth(lastEnded, -Math.floor((k * (YEARS * 12 - 1)) / 11)))
  const trendMonths = Array.from({ length: 12 }, (_, k) => shiftMonth(lastEnded, -k))
  const monthUrl = (m: string) => `${s.url}/api/oversight/month?month=${m}`

  const rows: OversightBenchRow[] = []
  rows.push(row('first view of an ended month after start (reads every case it concerns)', await timed([...new Set([...spread, ...trendMonths])].map(monthUrl), token, bothBusy), null))
  rows.push(row('monthly view, ended months (kept case part)', await timed(Array.from({ length: 40 }, (_, k) => monthUrl(spread[k % spread.length])), token, bothBusy), BUDGET.monthP95))
  rows.push(row(`monthly view, the running month ${running} (never kept)`, await timed(Array.from({ length: 10 }, () => monthUrl(running)), token), null))
  rows.push(row(`12-month trend to ${lastEnded}`, await timed(Array.from({ length: 20 }, () => `${s.url}/api/oversight/trend?to=${lastEnded}`), token), BUDGET.trendP95))
  const publicUrl = `${s.url}/api/public/connection-times`
  rows.push(row('public page, first request of the day (computes the 12 months)', await timed([publicUrl], null), null))
  rows.push(row('public page from the day\'s cache (signed out)', await timed(Array.from({ length: 200 }, () => publicUrl), null), BUDGET.publicP95))
  await stopServer()

  log('\n| what | requests | p50 ms | p95 ms | max ms | budget | |')
  log('|---|---|---|---|---|---|---|')
  for (const r of rows) log(`| ${r.what} | ${r.requests} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.max.toFixed(1)} | ${r.budget} | ${r.ok ? 'ok' : 'OVER BUDGET'} |`)
  log(`\ntotal ${((Date.now() - t0) / 1000).toFixed(0)} s; load average ${os.loadavg()[0].toFixed(1)} (others' work on the machine makes the figures pessimistic)`)
  if (process.env.BENCH_SUMMARY) fs.writeFileSync(process.env.BENCH_SUMMARY, JSON.stringify(rows))
  return rows.every((r) => r.ok) ? 0 : 1
}

runBench('bench:oversight', WATCHDOG_SECONDS, main)
