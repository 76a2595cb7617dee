// The supply enterprises' push clients: one demo key per supplier, its secret generated on first start and
// kept in the database only (never printed or logged; the CLI reads it from there).
import crypto from 'node:crypto'
import { SUPPLIER_CODES, type SupplierCode } from '../../src/core/services'
import type { Db } from '../db/open'
import type { PushCredentials } from './signing'

/** One demo key per provider: `<code>-demo` (the water, gas and telecom simulators push their cases' stages with theirs). */
export const DEMO_PUSH_KEYS = Object.fromEntries(SUPPLIER_CODES.map((code) => [code, `${code}-demo`])) as Record<SupplierCode, string>

export interface PushClient extends PushCredentials {
  supplier: SupplierCode
}

/** Creates the demo clients that are missing (a new database, or one from before schema 3). */
export function ensurePushClients(db: Db, now: Date): void {
  const insert = db.prepare('INSERT OR IGNORE INTO push_client (app_key, secret, supplier, created_at) VALUES (?, ?, ?, ?)')
  for (const [supplier, appKey] of Object.entries(DEMO_PUSH_KEYS)) {
    insert.run(appKey, crypto.randomBytes(32).toString('hex'), supplier, now.toISOString())
  }
}

/**
 * Production: the configured keys (PUSH_KEYS) are the only clients. Each supplier's row is replaced when its key
 * changes; a retired key stays for the records it signed, its secret overwritten so it can sign nothing more.
 */
export function useConfiguredPushKeys(db: Db, keys: (PushCredentials & { supplier: SupplierCode })[], now: Date): void {
  db.transaction(() => {
    for (const k of keys) {
      const current = clientForSupplier(db, k.supplier)
      if (current?.appKey === k.appKey && current.secret === k.secret) continue
      if (current && current.appKey !== k.appKey) {
        // supplier is UNIQUE: the retired row gives up the supplier and any usable secret
        db.prepare('UPDATE push_client SET supplier = ?, secret = ? WHERE app_key = ?').run(`retired:${current.appKey}`, crypto.randomBytes(32).toString('hex'), current.appKey)
      }
      db.prepare(`INSERT INTO push_client (app_key, secret, supplier, created_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (app_key) DO UPDATE SET secret = excluded.secret, supplier = excluded.supplier`).run(k.appKey, k.secret, k.supplier, now.toISOString())
    }
  })()
}

type Row = { app_key: string; secret: string; supplier: SupplierCode }
const toClient = (row: Row | undefined): PushClient | undefined => row && { appKey: row.app_key, secret: row.secret, supplier: row.supplier }

export function clientByKey(db: Db, appKey: string): PushClient | undefined {
  return toClient(db.prepare('SELECT app_key, secret, supplier FROM push_client WHERE app_key = ?').get(appKey) as Row | undefined)
}

export function clientForSupplier(db: Db, supplier: string): PushClient | undefined {
  return toClient(db.prepare('SELECT app_key, secret, supplier FROM push_client WHERE supplier = ?').get(supplier) as Row | undefined)
}

/** Every provider's current push client (the demo hands each simulated utility its own). */
export function allPushClients(db: Db): PushClient[] {
  return (db.prepare("SELECT app_key, secret, supplier FROM push_client WHERE supplier NOT LIKE 'retired:%'").all() as Row[]).map((r) => toClient(r) as PushClient)
}
