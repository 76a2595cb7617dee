// The outbound seam to the utilities under load, over real loopback HTTP: 10,000 一件事 of three parts each (water,
// gas, telecom) enter the durable outbox at a steady pace while the dispatcher delivers them to the simulated
// utilities; the water utility is down for 60 s in the middle. Checks: every part delivered exactly once (one case
// per dispatch id at the utility, every outbox row delivered with the utility's reference), the outbox drained,
// and how long delivery took after the outage ended (p95). Then the submission itself: a 一件事's submit (its
// transaction writes these rows) against an electricity-only one on the real server (dispatch/submit-latency.ts),
// p99 within 10 %. Prints one table; exits 1 when a budget is broken.
//
//   npm run bench:dispatch      BENCH_JOINT=n for another count, BENCH_OUTAGE_S=s for another outage,
//                               BENCH_SUBMITS=n submits of each kind (200)
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Fastify from 'fastify'
import type { AddressInfo } from 'node:net'
import { openDb } from '../../mock/db/open'
import { ensureUtilityKeys } from '../../mock/utilities/keys'
import { enqueueDispatch, outboxBacklog } from '../../mock/utilities/outbox'
import { Dispatcher } from '../../mock/utilities/dispatcher'
import { httpUtilityPort } from '../../mock/utilities/http-adapter'
import { utilityConnections } from '../../mock/utilities/connections'
import { utilitySimulator } from '../../mock/utilities/simulator'
import type { ProviderCode } from '../../src/core/providers'
import { measureSubmitLatency } from './dispatch/submit-latency'

const JOINT = Number(process.env.BENCH_JOINT ?? 10_000)
const OUTAGE_MS = Number(process.env.BENCH_OUTAGE_S ?? 60) * 1000
const ENQUEUE_MS = 20_000
const PROVIDERS: ProviderCode[] = ['wz-water', 'wz-gas', 'wz-telecom']
const SUBMITS = Number(process.env.BENCH_SUBMITS ?? 200)
const BUDGET = { afterRecoveryP95Ms: 90_000, drainAfterRecoveryMs: 180_000, jointSubmitP99Ratio: 1.1 }
const log = (line: string) => process.stdout.write(`${line}\n`)
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0

async function main(): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wz-bench-dispatch-'))
  const db = openDb(path.join(dir, 'wanzhou.db'))
  const sim = utilitySimulator({ dbFile: path.join(dir, 'utility-simulator.db') })
  sim.provision(ensureUtilityKeys(db, new Date()))
  const app = Fastify()
  await app.register(sim.plugin)
  await app.listen({ port: 0, host: '127.0.0.1' })
  const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  const dispatcher = new Dispatcher({ db, port: httpUtilityPort({ db, connections: utilityConnections('demo'), selfOrigin: () => origin }), batch: 400, concurrency: 8 })
  dispatcher.start(100)

  const started = Date.now()
  const outageFrom = started + ENQUEUE_MS / 4
  const outageTo = outageFrom + OUTAGE_MS
  log(`dispatch bench: ${JOINT} 一件事 × ${PROVIDERS.length} utilities enqueued over ${ENQUEUE_MS / 1000} s; wz-water down ${OUTAGE_MS / 1000} s from +${(outageFrom - started) / 1000} s`)
  const outage = setTimeout(() => sim.setSwitches('wz-water', { outage: true }), outageFrom - Date.now())
  const recover = setTimeout(() => sim.setSwitches('wz-water', { outage: false }), outageTo - Date.now())

  // steady submissions: each 一件事 writes its three rows in one transaction, as the submission does
  const enqueueOne = db.transaction((i: number) => {
    for (const provider of PROVIDERS) enqueueDispatch(db, { provider, caseNumber: `WZ20261205${String(i).padStart(6, '0')}-${provider}`, payload: { jointNumber: `YJ${i}` } }, new Date())
  })
  for (let i = 0; i < JOINT; i++) {
    enqueueOne(i)
    const due = started + ((i + 1) / JOINT) * ENQUEUE_MS
    if (Date.now() < due) await new Promise((r) => setTimeout(r, due - Date.now()))
  }

  // wait for the outbox to drain (or the budget to pass)
  const deadline = outageTo + BUDGET.drainAfterRecoveryMs
  while (outboxBacklog(db).pending > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250))
  const drainedAt = Date.now()
  clearTimeout(outage)
  clearTimeout(recover)
  await dispatcher.stop()

  const rows = db.prepare('SELECT provider, dispatch_id, state, attempts, created_at, delivered_at, utility_ref FROM utility_outbox').all() as
    { provider: string; dispatch_id: string; state: string; attempts: number; created_at: string; delivered_at: string | null; utility_ref: string | null }[]
  const delivered = rows.filter((r) => r.state === 'delivered')
  const received = PROVIDERS.flatMap((p) => sim.received(p))
  const byDispatch = new Map(received.map((c) => [c.dispatchId, c]))
  const refMismatch = delivered.filter((r) => byDispatch.get(r.dispatch_id)?.utilityRef !== r.utility_ref).length
  const hitByOutage = delivered.filter((r) => r.provider === 'wz-water' && r.attempts > 1)
  const afterRecovery = hitByOutage.map((r) => Date.parse(r.delivered_at as string) - outageTo).sort((a, b) => a - b)
  const latency = delivered.filter((r) => r.attempts === 1).map((r) => Date.parse(r.delivered_at as string) - Date.parse(r.created_at)).sort((a, b) => a - b)
  const backlog = outboxBacklog(db)

  const checks: [string, string, string, boolean][] = [
    ['parts delivered', `${delivered.length} of ${rows.length}`, `all ${JOINT * PROVIDERS.length}`, delivered.length === JOINT * PROVIDERS.length && rows.length === JOINT * PROVIDERS.length],
    ['cases at the utilities (one per dispatch id)', `${received.length} (${byDispatch.size} distinct)`, `= ${JOINT * PROVIDERS.length}`, received.length === JOINT * PROVIDERS.length && byDispatch.size === received.length],
    ['outbox rows whose reference is not the utility\'s', String(refMismatch), '0', refMismatch === 0],
    ['outbox backlog at the end', `${backlog.pending} pending, ${backlog.refused} refused`, '0, 0', backlog.pending === 0 && backlog.refused === 0],
    ['water parts retried through the outage', String(hitByOutage.length), '> 0', hitByOutage.length > 0],
    ['delivery after recovery, p95', `${(percentile(afterRecovery, 95) / 1000).toFixed(1)} s`, `≤ ${BUDGET.afterRecoveryP95Ms / 1000} s`, percentile(afterRecovery, 95) <= BUDGET.afterRecoveryP95Ms],
    ['outbox drained after recovery', `${((drainedAt - outageTo) / 1000).toFixed(1)} s`, `≤ ${BUDGET.drainAfterRecoveryMs / 1000} s`, drainedAt - outageTo <= BUDGET.drainAfterRecoveryMs],
    ['first-attempt delivery latency, p50 / p95', `${percentile(latency, 50)} / ${percentile(latency, 95)} ms`, '(shown)', true],
  ]
  await app.close()
  sim.close()
  db.close()
  fs.rmSync(dir, { recursive: true, force: true })

  log(`\nsubmit latency: ${SUBMITS} submits of each kind, alternating, load average ${os.loadavg()[0].toFixed(1)}`)
  const submits = await measureSubmitLatency(SUBMITS)
  const ratio = submits.joint.p99 / submits.electricity.p99
  const ms = (x: number) => `${x.toFixed(1)} ms`
  checks.push(
    ['submit, electricity only: p50 / p99', `${ms(submits.electricity.p50)} / ${ms(submits.electricity.p99)}`, '(shown)', true],
    ['submit with water, gas and broadband added: p50 / p99', `${ms(submits.joint.p50)} / ${ms(submits.joint.p99)}`, '(shown)', true],
    ['一件事 submit p99 against electricity only', `× ${ratio.toFixed(2)}`, `≤ × ${BUDGET.jointSubmitP99Ratio.toFixed(2)}`, ratio <= BUDGET.jointSubmitP99Ratio],
  )
  log('\n| what | figure | budget | verdict |\n|---|---|---|---|')
  for (const [what, figure, budget, ok] of checks) log(`| ${what} | ${figure} | ${budget} | ${ok ? 'ok' : 'OVER BUDGET'} |`)
  return checks.every(([, , , ok]) => ok) ? 0 : 1
}

main().then((code) => process.exit(code), (err: unknown) => { process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`); process.exit(1) })
