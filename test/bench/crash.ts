// Crash test: the real mock server (a child process on a file database in WAL mode) under load, killed with
// SIGKILL at random moments CRASH_ROUNDS times (20 by default) and started again on the same data each time.
//   load     three applicants apply over HTTP again and again (consent sign-in, draft, e-licences or photos,
//            signed contract, submit with an Idempotency-Key), a shop often adding water, gas or broadband (一件事);
//            four supply-enterprise connections push signed records (batches of 1–3 steps) for every acknowledged
//            application; the server dispatches each 一件事 part to its utility, a simulator in this process
//            (crash/utility.ts) that answers a little after keeping the case
//   kill     at a random moment, half of the time at a random point of a submit's life, a quarter while a utility
//            holds a delivery; requests whose answer is lost are sent again, unchanged, once the server is back
//   checks   after every kill, with the server dead, and at the end (test/bench/crash/checks.ts): every
//            acknowledged submit and push record stored exactly once, nothing half-written, integrity_check ok,
//            foreign_key_check empty; every part stored with its submit and queued once, every case the utilities
//            keep queued by us and kept once, and at the end every part delivered (crash/joint-checks.ts); every
//            小微 check owed stored with its submit, answered once, all answered at the end (crash/small-micro-checks.ts); after
//            every restart and at the end, acknowledged requests sent again get their original answer
// Prints one table (| what | figure | budget | verdict |) and exits 1 when any check fails.
//
//   node --import tsx test/bench/crash.ts    CRASH_ROUNDS=n kills n times; CRASH_SEED=n repeats a run's kill schedule
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { APPLICANTS, Applicant, type LoadShared } from './crash/applicant'
import { checkStore, type StoreCheck } from './crash/checks'
import { Ledger } from './crash/ledger'
import { Pusher, pushClients } from './crash/pusher'
import { Rand } from './crash/rand'
import { noReplays, replay } from './crash/replay'
import { CrashServer } from './crash/server'
import { CrashUtilities } from './crash/utility'

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 20)
const SEED = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 1e9))
const PUSH_CONNECTIONS = 4
/** load between a start and the next kill, ms */
const LOAD_MS = { min: 300, max: 3500 }
const REPLAYS_PER_RESTART = 3
const REPLAYS_AT_END = 25
/** with this many rounds, at least one submit's answer must have been lost and one kill must have caught a
 * delivery to a utility in flight (else the retry went untested) */
const ROUNDS_TO_LOSE_A_SUBMIT = 10
/** how long the outbox may take to empty once the load has stopped */
const DRAIN_MS = 60_000
const TIME_BUDGET_S = 300
const WATCHDOG_S = 420

const log = (line: string) => process.stdout.write(`${line}\n`)
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const n = (x: number) => x.toLocaleString('en-US')

let server: CrashServer | undefined
let utilities: CrashUtilities | undefined
let dataDir: string | undefined
let keepData = false

function cleanUp(): void {
  server?.killNow()
  void utilities?.close()
  if (dataDir && !keepData) fs.rmSync(dataDir, { recursive: true, force: true })
}

/** Waits until `ready()` or `ms` have passed. */
async function waitFor(ready: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms
  while (!ready() && Date.now() < until) await sleep(1)
}

/** Waits until the outbox has nothing left to send and no 小微 check is owed (read beside the running server); false after `ms`. */
async function untilDrained(dbFile: string, ms: number): Promise<boolean> {
  const until = Date.now() + ms
  const db = new Database(dbFile, { readonly: true })
  try {
    while (Date.now() < until) {
      const { pending } = db.prepare(`SELECT (SELECT COUNT(*) FROM utility_outbox WHERE state = 'pending')
        + (SELECT COUNT(*) FROM small_micro_check WHERE state = 'owed') AS pending`).get() as { pending: number }
      if (pending === 0) return true
      await sleep(200)
    }
    return false
  } finally {
    db.close()
  }
}

/** Distinct findings over every check of the run. */
class Findings {
  duplicates = new Set<string>()
  missing = new Set<string>()
  halfWritten = new Set<string>()
  unanswered = new Set<string>()
  integrity = new Set<string>()
  foreignKeyRows = 0
  checks = 0

  add(c: StoreCheck): void {
    this.checks++
    for (const x of c.duplicates) this.duplicates.add(x)
    for (const x of c.missing) this.missing.add(x)
    for (const x of c.halfWritten) this.halfWritten.add(x)
    for (const x of c.unanswered) this.unanswered.add(x)
    this.integrity.add(c.integrity)
    this.foreignKeyRows = Math.max(this.foreignKeyRows, c.foreignKeyRows)
  }

  get clean(): boolean {
    return !this.duplicates.size && !this.missing.size && !this.halfWritten.size && !this.unanswered.size
      && this.foreignKeyRows === 0 && [...this.integrity].every((x) => x === 'ok')
  }
}

async function main(): Promise<number> {
  const t0 = Date.now()
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wz-bench-crash-'))
  const rand = new Rand(SEED) // the kill schedule and the replay samples
  const u = await CrashUtilities.start(new Rand(SEED + 2))
  utilities = u
  const s = await CrashServer.on(dataDir, u.env())
  server = s
  log(`crash test: ${ROUNDS} SIGKILL rounds, seed ${SEED}, ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)}; data in ${dataDir}`)
  await s.start()

  const ledger = new Ledger()
  const shared: LoadShared = { server: s, ledger, rand: new Rand(SEED + 1), stopping: false, submitsInFlight: 0, submitMs: 10, onSubmitted: () => undefined }
  const pusher = new Pusher(shared, pushClients(s.dbFile))
  shared.onSubmitted = (entry) => pusher.add(entry)
  const applicants = APPLICANTS.map((a) => new Applicant(shared, a.identity, a.proofs))
  const workers = [...applicants.map((a) => a.run()), ...Array.from({ length: PUSH_CONNECTIONS }, () => pusher.run())]

  const findings = new Findings()
  const replays = noReplays()
  const replaying: Promise<void>[] = []
  const serverErrors: string[] = []
  let restartMs = 0
  let killsDuringDelivery = 0
  for (let round = 1; round <= ROUNDS; round++) {
    const loadMs = rand.int(LOAD_MS.min, LOAD_MS.max)
    await sleep(loadMs)
    const aim = rand.pick(['submit', 'submit', 'delivery', 'anywhere'] as const)
    const aimed = aim !== 'anywhere'
    if (aim === 'submit') {
      // anywhere in the submit's life: on its way, in the server's transaction, or its answer on the way back
      await waitFor(() => shared.submitsInFlight > 0, 1500)
      await sleep(rand.int(0, Math.round(shared.submitMs)))
    }
    // while the utility holds a delivery: kept there, not yet recorded as delivered here
    if (aim === 'delivery') await waitFor(() => u.inFlight > 0, 2500)
    const deliveries = u.inFlight
    if (deliveries > 0) killsDuringDelivery++
    const inFlight = `${shared.submitsInFlight} submit(s), ${ledger.pendingBatches.size} push batch(es), ${deliveries} delivery(ies) to utilities`
    await s.kill()
    serverErrors.push(...s.output().split('\n').filter((l) => /"level":(50|60)/.test(l)))
    const check = checkStore(s.dbFile, s.uploadsDir, ledger, u.cases(), false)
    findings.add(check)
    const found = check.duplicates.length + check.missing.length + check.halfWritten.length
    applicants[round % applicants.length].signInAgain = true
    const before = Date.now()
    await s.start()
    restartMs += Date.now() - before
    log(`round ${round}/${ROUNDS}: killed after ${loadMs} ms${aimed ? ` (aimed at a ${aim})` : ''} with ${inFlight} in flight; ` +
      `${n(check.applications)} applications, ${n(check.events)} events; integrity ${check.integrity}, ${check.foreignKeyRows} FK rows, ` +
      `${check.joint.parts} 一件事 parts (${check.joint.pending} to deliver); ${found} findings; restarted in ${Date.now() - before} ms`)
    replaying.push(replay(s, ledger, pusher.clientOf, rand.sample(ledger.acknowledgedSubmits(), REPLAYS_PER_RESTART),
      rand.sample(ledger.acknowledgedPushes(), REPLAYS_PER_RESTART), replays))
  }

  // Wind down on the last server: everything started is finished (lost answers retried), then replays.
  await sleep(1000)
  shared.stopping = true
  await Promise.all(workers)
  await Promise.all(replaying)
  const lostSubmits = ledger.acknowledgedSubmits().filter((x) => x.losses > 0)
  const lostPushes = ledger.acknowledgedPushes().filter((x) => x.losses > 0)
  await replay(s, ledger, pusher.clientOf,
    [...lostSubmits, ...rand.sample(ledger.acknowledgedSubmits().filter((x) => x.losses === 0), REPLAYS_AT_END)],
    [...lostPushes, ...rand.sample(ledger.acknowledgedPushes().filter((x) => x.losses === 0), REPLAYS_AT_END)], replays)
  // the server's dispatcher empties the outbox (every second) and its worker answers the 小微 checks (every 5 s) before the last kill
  const drained = await untilDrained(s.dbFile, DRAIN_MS)
  await s.kill()
  serverErrors.push(...s.output().split('\n').filter((l) => /"level":(50|60)/.test(l)))
  const final = checkStore(s.dbFile, s.uploadsDir, ledger, u.cases(), true)
  findings.add(final)
  const seconds = (Date.now() - t0) / 1000

  // Figures
  const submits = ledger.acknowledgedSubmits()
  const pushes = ledger.acknowledgedPushes()
  const storedBeforeLoss = lostSubmits.filter((x) => Date.parse(x.submittedAt as string) <= (x.lostAt as number)).length
  const pushBatchesLost = new Set(lostPushes.map((x) => x.batch.join())).size
  const pushedBeforeLoss = new Set(lostPushes.filter((x) => x.answeredAs === 'duplicate').map((x) => x.batch.join())).size
  const integrity = [...findings.integrity].every((x) => x === 'ok') ? 'ok' : [...findings.integrity].filter((x) => x !== 'ok').join('; ')
  log(`\nfinal store: ${n(final.applications)} applications, ${n(final.events)} events; ${findings.checks} checks (after each kill and at the end); ` +
    `server restarts took ${(restartMs / ROUNDS / 1000).toFixed(1)} s on average; a submit took ${shared.submitMs.toFixed(0)} ms`)
  const show = (title: string, items: Iterable<string>) => {
    const list = [...items]
    if (list.length) log(`${title} (${list.length}, first 10):\n  ${list.slice(0, 10).map((x) => x.slice(0, 300)).join('\n  ')}`)
  }
  show('duplicates', findings.duplicates)
  show('missing', findings.missing)
  show('half-written', findings.halfWritten)
  show('never answered', findings.unanswered)
  show('replays with another answer', replays.differ)
  show('refused requests', ledger.problems)
  show('server errors logged', serverErrors)
  log('')

  const rows: [string, string, string, boolean][] = [
    ['SIGKILL rounds, restarted on the same data', String(ROUNDS), `${ROUNDS}`, true],
    ['acknowledged submits', n(submits.length), '> 0', submits.length > 0],
    ['acknowledged push records', `${n(pushes.length)} in ${n(ledger.pushedOf.size)} cases`, '> 0', pushes.length > 0],
    ['acknowledged uploads, materials', `${n(ledger.uploads.size)}, ${n(ledger.materials.size)}`, '> 0', ledger.uploads.size > 0 && ledger.materials.size > 0],
    ['answers lost to a kill, sent again', `${lostSubmits.length} submits (${storedBeforeLoss} had been stored), ${pushBatchesLost} push batches (${pushedBeforeLoss} had been stored), ` +
      `${n(ledger.lostRequests)} requests in all`, `each answered once${ROUNDS >= ROUNDS_TO_LOSE_A_SUBMIT ? '; ≥ 1 submit' : ''}`,
      findings.unanswered.size === 0 && (ROUNDS < ROUNDS_TO_LOSE_A_SUBMIT || lostSubmits.length > 0)],
    ['acknowledged requests sent again after a crash', `${n(replays.submits)} submits, ${n(replays.pushes)} push records; ${replays.differ.length} answered otherwise`, '0 otherwise', replays.differ.length === 0],
    ['一件事 parts stored, delivered to their utility', `${n(final.joint.parts)}, ${n(final.joint.delivered)} (${n(u.posts)} deliveries sent, outbox ${drained ? 'emptied' : 'NOT emptied'})`,
      'all, each kept once', final.joint.parts > 0 && final.joint.delivered === final.joint.parts && drained],
    ['小微 checks owed, answered once each', `${n(final.smallMicro.owed)}, ${n(final.smallMicro.recorded)}`, 'all, each once',
      final.smallMicro.owed > 0 && final.smallMicro.recorded === final.smallMicro.owed && drained],
    ['kills with a delivery to a utility in flight', String(killsDuringDelivery), ROUNDS >= ROUNDS_TO_LOSE_A_SUBMIT ? '≥ 1' : 'any',
      ROUNDS < ROUNDS_TO_LOSE_A_SUBMIT || killsDuringDelivery > 0],
    ['duplicates found', String(findings.duplicates.size), '0', findings.duplicates.size === 0],
    ['missing found', String(findings.missing.size), '0', findings.missing.size === 0],
    ['half-written found', String(findings.halfWritten.size), '0', findings.halfWritten.size === 0],
    ['integrity_check / foreign_key_check', `${integrity} / ${findings.foreignKeyRows} rows`, 'ok / 0 rows', integrity === 'ok' && findings.foreignKeyRows === 0],
    ['refused requests, server errors', `${ledger.problems.length}, ${serverErrors.length}`, '0, 0', ledger.problems.length === 0 && serverErrors.length === 0],
    ['total time', `${seconds.toFixed(0)} s`, `≤ ${TIME_BUDGET_S} s`, seconds <= TIME_BUDGET_S],
  ]
  log('| what | figure | budget | verdict |')
  log('|---|---|---|---|')
  for (const [what, figure, budget, ok] of rows) log(`| ${what} | ${figure} | ${budget} | ${ok ? 'ok' : 'FAILED'} |`)
  const failed = rows.some(([, , , ok]) => !ok) || !findings.clean
  if (failed) {
    keepData = true
    log(`\ndata kept for inspection in ${dataDir} (seed ${SEED})`)
  }
  return failed ? 1 : 0
}

process.on('exit', cleanUp)
setTimeout(() => {
  process.stderr.write(`bench:crash: still running after ${WATCHDOG_S} s, giving up\n`)
  process.exit(1)
}, WATCHDOG_S * 1000).unref()
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130))

main().then((code) => process.exit(code), (err: unknown) => {
  process.stderr.write(`bench:crash failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`)
  keepData = true
  process.exit(1)
})
