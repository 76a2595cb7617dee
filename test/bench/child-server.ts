// The mock server as a child process for benchmarks: one node process (tsx as a loader), so its pid is the whole
// server and its CPU time can be read from /proc. NODE_ENV=production (no response-schema checks), LOG_LEVEL=warn.
//   BENCH_PROFILE=dir writes the server's CPU profile (node --cpu-prof) into dir
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { freePort, launchMock, type MockProcess } from '../e2e/support/server'

export type Server = MockProcess

let server: Server | undefined

/** Kills the server at once, if it runs (for exit paths). */
export function killServer(): void {
  if (server && server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL')
  server = undefined
}

export async function startServer(dir: string): Promise<Server> {
  const env = {
    HOST: '127.0.0.1', DATA_DIR: dir, UPLOADS_DIR: path.join(dir, 'uploads'), STATIC_DIR: path.join(dir, 'no-static'), NODE_ENV: 'production', LOG_LEVEL: 'warn',
  }
  const nodeArgs = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_PROFILE)}`] : []
  return launchMock(await freePort(), env, { nodeArgs, onSpawn: (p) => { server = p } })
}

// CPU accounting from Linux /proc (NaN elsewhere), in ms; /proc counts in USER_HZ, 100 per second.

/** CPU time the server process has used so far: what its work costs, whatever else runs on the machine. */
export function serverCpuMs(): number {
  try {
    const fields = fs.readFileSync(`/proc/${server?.child.pid}/stat`, 'utf8').split(') ')[1].split(' ')
    return (Number(fields[11]) + Number(fields[12])) * 10 // utime + stime
  } catch {
    return Number.NaN
  }
}

/** CPU time all processes on the machine have used so far (user, nice, system; not interrupts, which no process is billed for). */
export function machineBusyMs(): number {
  try {
    const [user, nice, system] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number)
    return (user + nice + system) * 10
  } catch {
    return Number.NaN
  }
}

export async function stopServer(): Promise<void> {
  const s = server
  if (!s || s.child.exitCode !== null) return
  await new Promise<void>((resolve) => {
    const kill = setTimeout(() => s.child.kill('SIGKILL'), 5000)
    s.child.once('exit', () => { clearTimeout(kill); resolve() })
    s.child.kill('SIGTERM')
  })
  server = undefined
}

let dataDir: string | undefined

/** A fresh temp data directory for this bench run, removed by runBench on every exit path. */
export function benchDataDir(prefix: string): string {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  return dataDir
}

function cleanUp(): void {
  killServer()
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
  dataDir = undefined
}

/**
 * Runs a bench's `main` (its exit code) with the server killed and the data directory removed on every exit
 * path: done, failed, interrupted, or still running after `watchdogSeconds`.
 */
export function runBench(name: string, watchdogSeconds: number, main: () => Promise<number>): void {
  process.on('exit', cleanUp)
  setTimeout(() => {
    process.stderr.write(`${name}: still running after ${watchdogSeconds} s, giving up\n`)
    process.exit(1)
  }, watchdogSeconds * 1000).unref()
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => { cleanUp(); process.exit(130) })
  main().then((code) => {
    cleanUp()
    process.exit(code)
  }, (err: unknown) => {
    process.stderr.write(`${name} failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`)
    cleanUp()
    process.exit(1)
  })
}
