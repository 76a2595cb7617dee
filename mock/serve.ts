// npm run serve: production. Refuses to start, naming every missing or invalid setting, unless the configuration
// is complete (mock/config.ts); seeds nothing, serves no demo page, and prints no secret.
import { ConfigError, configFromEnv, type MockConfig } from './config'
import { failedToStart, listen } from './listen'

/** Exit status of a start refused for its configuration (the README's table says what each setting is). */
export const CONFIG_EXIT = 2

function checkedConfig(): MockConfig {
  try {
    return configFromEnv(process.env, 'production')
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err
    process.stderr.write(`万州办电 (production) refused to start: ${err.problems.length} setting(s) missing or invalid (README: 生产部署)\n`)
    for (const p of err.problems) process.stderr.write(`  ${p.setting}: ${p.message}\n`)
    process.exit(CONFIG_EXIT)
  }
}

async function main(): Promise<void> {
  const config = checkedConfig()
  const { address } = await listen(config)
  // where things are, never a key or a secret
  process.stdout.write([
    `万州办电 (production) listening on ${address}`,
    `  public origin: ${config.publicOrigin}`,
    `  database: ${config.dbFile} (synchronous=FULL)   uploads: ${config.uploadsDir} (fsynced)`,
    `  渝快办: ${config.ykb.baseUrl}   SMS: ${config.sms ? new URL(config.sms.endpoint).origin : ''}`,
    `  小微企业名录: ${config.smeRegistry ? new URL(config.smeRegistry.baseUrl).origin : 'not configured (SME_REGISTRY_URL): 小微 checks stay 待核验'}`,
    '',
  ].join('\n'))
}

main().catch(failedToStart)
