// Starting the server for real (npm start / npm run mock, npm run serve): build, listen, stop cleanly on a signal.
import { buildServer, type BuiltServer } from './server'
import type { MockConfig } from './config'

/** Builds and starts the server from a checked configuration; returns it and the address it listens on. */
export async function listen(config: MockConfig): Promise<{ built: BuiltServer; address: string }> {
  const built = await buildServer(config)
  const address = await built.app.listen({ port: config.port, host: config.host })
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void built.app.close().then(() => process.exit(0)))
  }
  return { built, address }
}

/** The last words of a start that failed: the reason on standard error, exit status 1. */
export function failedToStart(err: unknown): never {
  process.stderr.write(`server failed to start: ${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
}
