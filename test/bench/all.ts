// Every benchmark with budgets, one after the other (never side by side: they would skew each other's figures),
// each as a child process with its output shown as it runs; then one combined table, with each figure of the
// previous complete run on this machine beside it (test/output/bench-last.json: its commit and date are printed).
// Exits 1 when any failed.
//   npm run bench      (bench:size and bench:lighthouse need the production builds: npm run build:h5 && npm run build:weapp)
import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const root = path.resolve(__dirname, '..', '..')

interface Outcome {
  bench: string
  code: number
  /** what, figure, budget, verdict */
  rows: [string, string, string, string][]
  seconds: number
}

let interrupted = false

function run(script: string, env: Record<string, string> = {}): Promise<{ code: number; out: string; seconds: number }> {
  const started = Date.now()
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    child.stdout?.on('data', (d: Buffer) => { out += d.toString(); process.stdout.write(d) })
    const forward = (signal: NodeJS.Signals) => () => {
      interrupted = true
      child.kill(signal)
    }
    const onInt = forward('SIGINT')
    const onTerm = forward('SIGTERM')
    process.once('SIGINT', onInt)
    process.once('SIGTERM', onTerm)
    child.on('close', (code, signal) => {
      process.off('SIGINT', onInt)
      process.off('SIGTERM', onTerm)
      resolve({ code: code ?? (signal ? 1 : 0), out, seconds: (Date.now() - started) / 1000 })
    })
  })
}

/** The rows of a markdown table printed by a bench, without its header and separator lines. */
function tableRows(out: string): string[][] {
  return out.split('\n')
    .filter((line) => line.startsWith('|') && !line.startsWith('|---') && !line.startsWith('| what '))
    .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()))
}

async function size(): Promise<Outcome> {
  const missing = ['dist/h5/index.html', 'dist/weapp/app.json'].filter((f) => !fs.existsSync(path.join(root, f)))
  if (missing.length) {
    return { bench: 'size', code: 1, seconds: 0, rows: [[`builds missing (${missing.join(', ')})`, '—', 'run npm run build:h5 && npm run build:weapp', 'NOT RUN']] }
  }
  const r = await run('test/bench/size.ts')
  // size.ts prints: | what | size | budget | ok / OVER BUDGET |
  const rows = tableRows(r.out).map(([what, figure, budget, verdict]): Outcome['rows'][number] => [what, figure, `≤ ${budget}`, verdict])
  if (r.code !== 0 && rows.length === 0) rows.push(['bench:size', '—', '—', `FAILED (exit ${r.code})`])
  return { bench: 'size', code: r.code, rows, seconds: r.seconds }
}

/** Runs a bench that writes its rows as JSON to BENCH_SUMMARY, and turns each into a table row with `format`. */
async function summarised<T extends { ok: boolean }>(bench: string, script: string, format: (x: T) => [string, string, string]): Promise<Outcome> {
  const summary = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wz-bench-')), `${bench}.json`)
  try {
    const r = await run(script, { BENCH_SUMMARY: summary })
    const rows: Outcome['rows'] = fs.existsSync(summary)
      ? (JSON.parse(fs.readFileSync(summary, 'utf8')) as T[]).map((x) => [...format(x), x.ok ? 'ok' : 'OVER BUDGET'])
      : [[`bench:${bench}`, '—', '—', `FAILED (exit ${r.code})`]]
    return { bench, code: r.code, rows, seconds: r.seconds }
  } finally {
    fs.rmSync(path.dirname(summary), { recursive: true, force: true })
  }
}

interface ApiRow { what: string; requests: number; perSecond: number; p50: number; p90: number; p99: number; failed: number; cpuMs: number; cpuRatio?: number; budget: string; ok: boolean }
const api = () => summarised<ApiRow>('api', 'test/bench/api.ts', (x) => [
  x.what,
  `${Math.round(x.perSecond).toLocaleString('en-US')} req/s, p50 ${x.p50.toFixed(1)} / p90 ${x.p90.toFixed(1)} / p99 ${x.p99.toFixed(1)} ms, ${x.failed} non-2xx/errors, ` +
    `CPU ${x.cpuMs.toFixed(3)} ms/req${x.cpuRatio === undefined ? '' : ` (${x.cpuRatio.toFixed(2)}× baseline)`}`,
  x.budget,
])

interface StaffRow { what: string; requests: number; p50: number; p95: number; max: number; budget: string; ok: boolean }
const staff = () => summarised<StaffRow>('staff', 'test/bench/staff.ts', (x) => [
  x.what, `${x.requests} requests, p50 ${x.p50.toFixed(1)} / p95 ${x.p95.toFixed(1)} / max ${x.max.toFixed(1)} ms`, x.budget,
])

const oversight = () => summarised<StaffRow>('oversight', 'test/bench/oversight.ts', (x) => [
  x.what, `${x.requests} requests, p50 ${x.p50.toFixed(1)} / p95 ${x.p95.toFixed(1)} / max ${x.max.toFixed(1)} ms`, x.budget,
])

/** A bench that prints its own `| what | figure | budget | verdict |` table. */
async function tabled(bench: string, script: string): Promise<Outcome> {
  const r = await run(script)
  const rows = tableRows(r.out) as Outcome['rows']
  if (r.code !== 0 && rows.length === 0) rows.push([`bench:${bench}`, '—', '—', `FAILED (exit ${r.code})`])
  return { bench, code: r.code, rows, seconds: r.seconds }
}

// ---------------------------------------------------------------------------------------------------------
// Each bench's previous run on this machine, kept to print beside this one

const LAST_RUNS = path.join(root, 'test', 'output', 'bench-last.json')

interface SavedBench { commit: string; at: string; rows: { what: string; figure: string; verdict: string }[] }
type SavedRuns = Record<string, SavedBench>

function lastRuns(): SavedRuns {
  try {
    return JSON.parse(fs.readFileSync(LAST_RUNS, 'utf8')) as SavedRuns
  } catch {
    return {}
  }
}

/** Records this run of each bench that ran, with the commit it measured; the others' last runs stay. */
function saveRuns(outcomes: Outcome[], before: SavedRuns): void {
  let commit = 'unknown commit'
  try {
    commit = execFileSync('git', ['describe', '--always', '--dirty'], { cwd: root, encoding: 'utf8' }).trim()
  } catch { /* not a git checkout */ }
  const at = new Date().toISOString()
  const runs = { ...before }
  for (const o of outcomes) runs[o.bench] = { commit, at, rows: o.rows.map(([what, figure, , verdict]) => ({ what, figure, verdict })) }
  fs.mkdirSync(path.dirname(LAST_RUNS), { recursive: true })
  fs.writeFileSync(LAST_RUNS, JSON.stringify(runs, null, 1))
}

const lighthouse = async (): Promise<Outcome> => (fs.existsSync(path.join(root, 'dist/h5/index.html'))
  ? tabled('lighthouse', 'test/bench/lighthouse.ts')
  : { bench: 'lighthouse', code: 1, seconds: 0, rows: [['H5 build missing', '—', 'run npm run build:h5', 'NOT RUN']] })

const BENCHES: [name: string, title: string, run: () => Promise<Outcome>][] = [
  ['size', 'bench:size', size],
  ['api', 'bench:api', api],
  ['staff', 'bench:staff (100,000 applications)', staff],
  ['oversight', 'bench:oversight (1,000,000 applications)', oversight],
  ['crash', 'bench:crash (SIGKILL under load)', () => tabled('crash', 'test/bench/crash.ts')],
  ['lighthouse', 'bench:lighthouse (mobile)', lighthouse],
]

async function main(): Promise<void> {
  // BENCH_ONLY=api,size runs those alone (the others' figures of the last run are kept for the next comparison)
  const only = process.env.BENCH_ONLY?.split(',').map((b) => b.trim()).filter(Boolean)
  const unknown = only?.filter((b) => !BENCHES.some(([name]) => name === b)) ?? []
  if (unknown.length) throw new Error(`BENCH_ONLY: no bench called ${unknown.join(', ')} (there are ${BENCHES.map(([name]) => name).join(', ')})`)
  const outcomes: Outcome[] = []
  for (const [name, title, bench] of BENCHES) {
    if (interrupted) break
    if (only && !only.includes(name)) continue
    process.stdout.write(`\n=== ${title} ===\n`)
    outcomes.push(await bench())
  }
  if (interrupted) {
    process.stdout.write('\ninterrupted\n')
    process.exit(130)
  }

  const before = lastRuns()
  const figureBefore = (bench: string, what: string) => before[bench]?.rows.find((r) => r.what === what)?.figure ?? '—'
  process.stdout.write('\n=== all benchmarks ===\nbefore: each bench\'s previous run on this machine, ' +
    `${outcomes.map((o) => `${o.bench} ${before[o.bench] ? `${before[o.bench].at.slice(0, 16)} at ${before[o.bench].commit}` : '(none)'}`).join('; ')}\n`)
  process.stdout.write('| bench | what | before | now | budget | |\n|---|---|---|---|---|---|\n')
  for (const o of outcomes) {
    for (const [what, figure, budget, verdict] of o.rows) process.stdout.write(`| ${o.bench} | ${what} | ${figureBefore(o.bench, what)} | ${figure} | ${budget} | ${verdict} |\n`)
  }
  saveRuns(outcomes, before)
  const failed = outcomes.filter((o) => o.code !== 0)
  process.stdout.write(`\n${outcomes.map((o) => `bench:${o.bench} ${o.code === 0 ? 'passed' : 'FAILED'} (${o.seconds.toFixed(0)} s)`).join(', ')}\n`)
  process.exit(failed.length ? 1 : 0)
}

void main()
