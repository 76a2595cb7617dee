import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import net from 'node:net'

const root = path.resolve(__dirname, '..', '..', '..')

export interface RunningServer {
  url: string
  dataDir: string
  output: () => string
  stop: () => Promise<void>
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo
      s.close(() => resolve(port))
    })
  })
}

export interface MockProcess {
  url: string
  child: ChildProcess
  output: () => string
}

/**
 * Spawns the real mock server (`npm run mock`'s entry, or `entry` such as npm run serve's mock/serve.ts; one node process with tsx as a loader, so its pid is the
 * whole server) on `port` with `env` over this process's, and returns once /healthz answers. `onSpawn` sees the
 * process at once (to kill it on any exit path); if it exits or is not up in 30 s it is killed and this throws.
 */
export async function launchMock(port: number, env: Record<string, string | undefined>, opts: { nodeArgs?: string[]; onSpawn?: (p: MockProcess) => void; entry?: string } = {}): Promise<MockProcess> {
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), '--import', 'tsx', opts.entry ?? 'mock/main.ts'], {
    cwd: root, env: { ...process.env, PORT: String(port), ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout?.on('data', (d: Buffer) => { out += d.toString() })
  child.stderr?.on('data', (d: Buffer) => { out += d.toString() })
  const launched: MockProcess = { url: `http://127.0.0.1:${port}`, child, output: () => out }
  opts.onSpawn?.(launched)
  const deadline = Date.now() + 30_000
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited while starting:\n${out}`)
    try {
      if ((await fetch(`${launched.url}/healthz`, { signal: AbortSignal.timeout(2000) })).ok) return launched
    } catch { /* not up yet */ }
    if (Date.now() > deadline) { child.kill('SIGKILL'); throw new Error(`server did not start in 30 s:\n${out}`) }
    await new Promise((r) => setTimeout(r, 100))
  }
}

/** Starts the real mock server on a free port with a fresh data directory, serving the H5 build. */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const dataDir = env.DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'wz-e2e-'))
  const { url, child, output } = await launchMock(await freePort(), {
    DATA_DIR: dataDir, STATIC_DIR: process.env.STATIC_DIR ?? path.join(root, 'dist', 'h5'), LOG_LEVEL: 'info', ...env,
  })
  return {
    url,
    dataDir,
    output,
    stop: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve()
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
    }),
  }
}
