import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { MIGRATIONS } from './migrations'

export type Db = Database.Database

/**
 * How hard a commit waits for the disk. FULL (production): a commit is on disk before it is acknowledged, so an
 * acknowledged application survives a power loss. NORMAL (the demo): WAL keeps the database consistent after a
 * crash, but the last commits before a power loss may be lost.
 */
export type Durability = 'FULL' | 'NORMAL'

/** Opens (creating on first use) the database, in WAL mode for a file, and runs pending migrations. */
export function openDb(file: string, durability: Durability = 'NORMAL'): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true })
  const db = new Database(file)
  if (file !== ':memory:') db.pragma('journal_mode = WAL')
  db.pragma(`synchronous = ${durability}`)
  db.pragma('busy_timeout = 5000')
  migrate(db)
  db.pragma('foreign_keys = ON')
  return db
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number
}

/**
 * Runs each pending migration in its own transaction, with foreign keys off so that a table can be rebuilt (SQLite
 * cannot change a CHECK in place) and checked before the transaction commits.
 */
function migrate(db: Db): void {
  const from = schemaVersion(db)
  if (from > MIGRATIONS.length) {
    throw new Error(`database schema ${from} is newer than this server (${MIGRATIONS.length})`)
  }
  for (let v = from; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v])
      const broken = db.pragma('foreign_key_check') as unknown[]
      if (broken.length) throw new Error(`migration ${v + 1} breaks ${broken.length} foreign keys`)
      db.pragma(`user_version = ${v + 1}`)
    })()
  }
}
