import os from 'node:os'
import path from 'node:path'
import fs from 'node:fs'
import type { AddressInfo } from 'node:net'
import { buildServer, type BuiltServer, type ServerConfig } from '../../../mock/server'
import { createHttp } from '../../../src/lib/http/client'

export interface InProcess extends BuiltServer {
  url: string
  /** the app's own HTTP client, pointed at this server */
  client: ReturnType<typeof createHttp>
  dataDir: string
  close: () => Promise<void>
}

/**
 * The mock server in this process, on a free port, with a fresh database and the app's client pointed at it.
 * `opts` overrides any server setting (a clock, session lifetimes, a database file).
 */
export async function startInProcess(opts: Partial<ServerConfig> = {}): Promise<InProcess> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wz-contract-'))
  const built = await buildServer({
    dbFile: ':memory:',
    staticDir: path.join(dataDir, 'no-static'),
    calendarOverrideFile: path.join(dataDir, 'calendar-override.json'),
    logLevel: process.env.WZ_TEST_LOG ?? 'silent',
    // 小微 checks only when a test asks (s.smeRegistry.worker.runOnce()): a timer would add events mid-test
    smallMicroCheckEveryMs: null,
    ...opts,
  })
  await built.app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = built.app.server.address() as AddressInfo
  const url = `http://127.0.0.1:${port}`
  return { ...built, url, dataDir, client: createHttp(url), close: () => built.app.close() }
}
