// npm start / npm run mock: the one-command demo (seeded data, the 渝快办 simulator and the SMS outbox on the same origin).
import path from 'node:path'
import fs from 'node:fs'
import { configFromEnv } from './config'
import { failedToStart, listen } from './listen'
import { simStoreOf } from './server'
import { DEMO_IDENTITIES, DEMO_STAFF } from './seed/demo-data'
import { maskMobile } from '../src/core/masking'

async function main(): Promise<void> {
  const config = configFromEnv(process.env, 'demo')
  const { built: { seeded }, address } = await listen(config)
  const hasApp = fs.existsSync(path.join(config.staticDir, 'index.html'))
  const lines = [
    '',
    `万州办电 mock server ${seeded ? '(new database, demo data seeded)' : ''}`,
    `  app:      ${hasApp ? `${address}/` : '(no H5 build found: run `npm run build:h5` first)'}`,
    `  api:      ${address}/api/services   openapi: ${address}/openapi.json   health: ${address}/healthz`,
    `  database: ${config.dbFile}`,
    `  public origin: ${config.publicOrigin ?? `${address} (set PUBLIC_ORIGIN when users reach this server at another address: 渝快办 sends sign-ins back only there)`}`,
    `  demo SMS: ${address}/ykb/sms   (lookup codes and progress notices; nothing is really sent)`,
    `  渝快办 simulator: ${address}/ykb/open/v1 (openapi: /ykb/open/openapi.json, own store ${simStoreOf(config.dbFile)});`,
    `    make it slow or failing: curl -X PUT -H 'content-type: application/json' -d '{"delayMs":4000}' ${address}/ykb/sim/switches`,
    `  小微企业名录 simulator: ${address}/sim/sme-registry/api/v1 (switches: POST ${address}/sim/sme-registry/switches {"outage":true})`,
    '  supply-enterprise push: npm run mock:advance -- <application number> [--to-end] [--supplement] [--pause]',
    '    (signed with the demo keys sgcc-wanzhou-demo / sanxia-demo; their secrets stay in the database)',
    '  demo 渝快办 identities (sign in on the mock consent page):',
    ...DEMO_IDENTITIES.map((d) => `    ${d.key.padEnd(14)} ${d.name}  ${maskMobile(d.mobile)}  ${d.role}`),
    '  demo staff accounts:',
    ...DEMO_STAFF.map((s) => `    ${s.username} / ${s.password}  ${s.displayName}`),
    '  production: npm run serve (see README, 生产部署)',
    '',
  ]
  process.stdout.write(lines.join('\n') + '\n')
}

main().catch(failedToStart)
