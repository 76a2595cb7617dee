// Our signing key at each utility: a key id and a secret generated on first start and stored in our database only
// (handed to the utility out of band; in the demo, to the simulator at start-up). Never printed or logged.
import crypto from 'node:crypto'
import { PROVIDERS, type ProviderCode } from '../../src/core/providers'
import type { Db } from '../db/open'
import type { PushCredentials } from '../push/signing'

export interface UtilityKey extends PushCredentials {
  provider: ProviderCode
}

export function ensureUtilityKeys(db: Db, now: Date): UtilityKey[] {
  const insert = db.prepare('INSERT OR IGNORE INTO utility_client (provider, key_id, secret, created_at) VALUES (?, ?, ?, ?)')
  for (const p of PROVIDERS) insert.run(p.code, `wanzhou-bandian-${p.code}`, crypto.randomBytes(32).toString('hex'), now.toISOString())
  return (db.prepare('SELECT provider, key_id, secret FROM utility_client').all() as { provider: ProviderCode; key_id: string; secret: string }[])
    .map((r) => ({ provider: r.provider, appKey: r.key_id, secret: r.secret }))
}

export function utilityKey(db: Db, provider: string): UtilityKey | undefined {
  const r = db.prepare('SELECT provider, key_id, secret FROM utility_client WHERE provider = ?').get(provider) as
    { provider: ProviderCode; key_id: string; secret: string } | undefined
  return r && { provider: r.provider, appKey: r.key_id, secret: r.secret }
}
