// The real mock server as a child process (node --import tsx mock/main.ts, one process: its pid is the whole
// server) on one data directory and port, killed with SIGKILL and started again as often as the test likes.
import type { ChildProcess } from 'node:child_process'
import path from 'node:path'
import { freePort, launchMock } from '../../e2e/support/server'

export class CrashServer {
  readonly url: string
  readonly dbFile: string
  readonly uploadsDir: string
  /** how many times the server has been started; a request remembers the one it was sent to */
  generation = 0
  private child?: ChildProcess
  private log: () => string = () => ''
  private ready: Promise<void>
  private open: () => void = () => undefined

  private constructor(private readonly dataDir: string, private readonly port: number, private readonly extraEnv: Record<string, string>) {
    this.url = `http://127.0.0.1:${port}`
    this.dbFile = path.join(dataDir, 'wanzhou.db')
    this.uploadsDir = path.join(dataDir, 'uploads')
    this.ready = new Promise((resolve) => { this.open = resolve })
  }

  /** A server for `dataDir` on a free port (the same port at every restart), not yet started; `env` adds settings. */
  static async on(dataDir: string, env: Record<string, string> = {}): Promise<CrashServer> {
    return new CrashServer(dataDir, await freePort(), env)
  }

  /** Resolves once the server is up; while it is down, callers wait here instead of sending. */
  up(): Promise<void> {
    return this.ready
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null
  }

  /** The server's output of its current (or last) life, for the report when something goes wrong. */
  output(): string {
    return this.log()
  }

  async start(): Promise<void> {
    if (this.running) throw new Error('server already running')
    const env = {
      HOST: '127.0.0.1', DATA_DIR: this.dataDir, UPLOADS_DIR: this.uploadsDir, STATIC_DIR: path.join(this.dataDir, 'no-static'), NODE_ENV: 'production', LOG_LEVEL: 'warn',
      // the load uploads far more than a person would in a day
      UPLOAD_DAILY_QUOTA: '100000/100000',
      ...this.extraEnv,
    }
    await launchMock(this.port, env, { onSpawn: ({ child, output }) => { this.child = child; this.log = output } })
    this.generation++
    this.open()
  }

  /** SIGKILL, then waits for the process to be gone; requests sent from now on wait for the next start. */
  async kill(): Promise<void> {
    this.ready = new Promise((resolve) => { this.open = resolve })
    const child = this.child
    if (!child || !this.running) return
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve())
      child.kill('SIGKILL')
    })
  }

  /** For every exit path of the test: no server left behind. */
  killNow(): void {
    if (this.running) this.child?.kill('SIGKILL')
  }
}
