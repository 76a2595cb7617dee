import path from 'node:path'
import fs from 'node:fs'
import { buildServer } from './server'
import { configFromEnv } from './config'
import { DEMO_IDENTITIES, DEMO_STAFF } from './seed/demo-data'
import { maskMobile } from '../src/core/masking'

async function main(): Promise<void> {
  const config = configFromEnv()
  const { app, seeded } = await buildServer(config)
  const address = await app.listen({ port: config.port, host: config.host })
  const hasApp = fs.existsSync(path.join(config.staticDir, 'index.html'))
  const lines = [
    '',
    `万州办电 mock server ${seeded ? '(new database, demo data seeded)' : ''}`,
    `  app:      ${hasApp ? `${address}/` : '(no H5 build found: run `npm run build:h5` first)'}`,
    `  api:      ${address}/api/services   openapi: ${address}/openapi.json   health: ${address}/healthz`,
    `  database: ${config.dbFile}`,
    `  public origin: ${config.publicOrigin ?? `${address} (set PUBLIC_ORIGIN when users reach this server at another address: 渝快办 sends sign-ins back only there)`}`,
    `  demo SMS: ${address}/ykb/sms   (lookup codes and progress notices; nothing is really sent)`,
    '  supply-enterprise push: npm run mock:advance -- <application number> [--to-end] [--supplement] [--pause]',
    '    (signed with the demo keys sgcc-wanzhou-demo / sanxia-demo; their secrets stay in the database)',
    '  demo 渝快办 identities (sign in on the mock consent page):',
    ...DEMO_IDENTITIES.map((d) => `    ${d.key.padEnd(14)} ${d.name}  ${maskMobile(d.mobile)}  ${d.role}`),
    '  demo staff accounts:',
    ...DEMO_STAFF.map((s) => `    ${s.username} / ${s.password}  ${s.displayName}`),
    '',
  ]
  process.stdout.write(lines.join('\n') + '\n')
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void app.close().then(() => process.exit(0)))
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`mock server failed to start: ${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
})
