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
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  migrate(db)
  return db
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number
}

function migrate(db: Db): void {
  const from = schemaVersion(db)
  if (from > MIGRATIONS.length) {
    throw new Error(`database schema ${from} is newer than this server (${MIGRATIONS.length})`)
  }
  for (let v = from; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v])
      db.pragma(`user_version = ${v + 1}`)
    })()
  }
}
