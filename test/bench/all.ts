// Every benchmark with budgets, one after the other (never side by side: they would skew each other's figures),
// each as a child process with its output shown as it runs; then one combined table. Exits 1 when any failed.
//   npm run bench      (bench:size and bench:lighthouse need the production builds: npm run build:h5 && npm run build:weapp)
import { spawn } from 'node:child_process'
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

async function main(): Promise<void> {
  const outcomes: Outcome[] = []
  process.stdout.write('\n=== bench:size ===\n')
  outcomes.push(await size())
  if (!interrupted) {
    process.stdout.write('\n=== bench:api ===\n')
    outcomes.push(await api())
  }
  if (!interrupted) {
    process.stdout.write('\n=== bench:staff (100,000 applications) ===\n')
    outcomes.push(await staff())
  }
  if (!interrupted) {
    process.stdout.write('\n=== bench:oversight (1,000,000 applications) ===\n')
    outcomes.push(await oversight())
  }
  if (!interrupted) {
    process.stdout.write('\n=== bench:crash (SIGKILL under load) ===\n')
    outcomes.push(await tabled('crash', 'test/bench/crash.ts'))
  }
  if (!interrupted) {
    process.stdout.write('\n=== bench:lighthouse (mobile) ===\n')
    outcomes.push(fs.existsSync(path.join(root, 'dist/h5/index.html'))
      ? await tabled('lighthouse', 'test/bench/lighthouse.ts')
      : { bench: 'lighthouse', code: 1, seconds: 0, rows: [['H5 build missing', '—', 'run npm run build:h5', 'NOT RUN']] })
  }
  if (interrupted) {
    process.stdout.write('\ninterrupted\n')
    process.exit(130)
  }

  process.stdout.write('\n=== all benchmarks ===\n| bench | what | figure | budget | |\n|---|---|---|---|---|\n')
  for (const o of outcomes) for (const [what, figure, budget, verdict] of o.rows) process.stdout.write(`| ${o.bench} | ${what} | ${figure} | ${budget} | ${verdict} |\n`)
  const failed = outcomes.filter((o) => o.code !== 0)
  process.stdout.write(`\n${outcomes.map((o) => `bench:${o.bench} ${o.code === 0 ? 'passed' : 'FAILED'} (${o.seconds.toFixed(0)} s)`).join(', ')}\n`)
  process.exit(failed.length ? 1 : 0)
}

void main()
