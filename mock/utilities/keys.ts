// Our signing key at each utility, stored in our database: configured (UTILITY_KEYS, agreed with the utility out of
// band) or, in the demo, generated on first start and handed to the simulator at start-up. Never printed or logged.
import crypto from 'node:crypto'
import { PROVIDERS, type ProviderCode } from '../../src/core/providers'
import type { Db } from '../db/open'
import type { PushCredentials } from '../push/signing'
import { statement } from '../progress/statements'

export interface UtilityKey extends PushCredentials {
  provider: ProviderCode
}

/**
 * Our keys at the utilities: the configured ones (UTILITY_KEYS) replace what is stored; the demo generates one for
 * every other provider on first start. Production generates none: a utility it reaches has a configured key.
 */
export function ensureUtilityKeys(db: Db, now: Date, configured: UtilityKey[] = [], generate = true): UtilityKey[] {
  const replace = db.prepare('INSERT OR REPLACE INTO utility_client (provider, key_id, secret, created_at) VALUES (?, ?, ?, ?)')
  for (const k of configured) replace.run(k.provider, k.appKey, k.secret, now.toISOString())
  const insert = db.prepare('INSERT OR IGNORE INTO utility_client (provider, key_id, secret, created_at) VALUES (?, ?, ?, ?)')
  if (generate) for (const p of PROVIDERS) insert.run(p.code, `wanzhou-bandian-${p.code}`, crypto.randomBytes(32).toString('hex'), now.toISOString())
  return (db.prepare('SELECT provider, key_id, secret FROM utility_client').all() as { provider: ProviderCode; key_id: string; secret: string }[])
    .map((r) => ({ provider: r.provider, appKey: r.key_id, secret: r.secret }))
}

export function utilityKey(db: Db, provider: string): UtilityKey | undefined {
  const r = statement(db, 'SELECT provider, key_id, secret FROM utility_client WHERE provider = ?').get(provider) as
    { provider: ProviderCode; key_id: string; secret: string } | undefined
  return r && { provider: r.provider, appKey: r.key_id, secret: r.secret }
}
