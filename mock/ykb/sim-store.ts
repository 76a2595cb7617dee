// The 渝快办 simulator's own store: a separate SQLite database (a file beside ours in the demo, or in memory) that
// our backend never opens. It holds what 渝快办 would: real-name identities, the e-licence catalogue, the apps
// allowed to call it, one-time codes, user tokens, 亮证 codes and use requests.
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { demoPeople } from '../seed/seed'
import { seedDemoBusinesses } from './sim-market'

export type SimDb = Database.Database

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS identity (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, id_number TEXT NOT NULL UNIQUE, mobile TEXT NOT NULL, demo INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE IF NOT EXISTS licence (
    identifier TEXT PRIMARY KEY, type_code TEXT NOT NULL, type_name TEXT NOT NULL, licence_number TEXT NOT NULL,
    holder_name TEXT NOT NULL, holder_code TEXT NOT NULL, issuer_name TEXT NOT NULL, issuer_code TEXT NOT NULL,
    issue_date TEXT NOT NULL, valid_from TEXT NOT NULL, valid_to TEXT, area_code TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('current', 'cancelled')), face_json TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS licence_holder ON licence (holder_code, type_code);
  CREATE TABLE IF NOT EXISTS app (app_key TEXT PRIMARY KEY, secret TEXT NOT NULL, redirect_origin TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS nonce (app_key TEXT NOT NULL, nonce TEXT NOT NULL, seen_at TEXT NOT NULL, PRIMARY KEY (app_key, nonce));
  CREATE TABLE IF NOT EXISTS oauth_code (
    code_hash TEXT PRIMARY KEY, identity_id TEXT NOT NULL REFERENCES identity (id), scopes TEXT NOT NULL,
    expires_at TEXT NOT NULL, used_at TEXT
  );
  CREATE TABLE IF NOT EXISTS user_token (
    token_hash TEXT PRIMARY KEY, identity_id TEXT NOT NULL REFERENCES identity (id), app_key TEXT NOT NULL,
    scopes TEXT NOT NULL, expires_at TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS show_code (
    token TEXT PRIMARY KEY, identity_id TEXT NOT NULL REFERENCES identity (id), kind TEXT NOT NULL,
    created_at TEXT NOT NULL, expires_at TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS show_txn (
    id TEXT PRIMARY KEY, app_key TEXT NOT NULL, identity_id TEXT NOT NULL REFERENCES identity (id), kind TEXT NOT NULL,
    use_cause TEXT NOT NULL, requester TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('waiting', 'approved', 'refused')),
    created_at TEXT NOT NULL, expires_at TEXT NOT NULL, decided_at TEXT
  );
  CREATE INDEX IF NOT EXISTS show_txn_waiting ON show_txn (identity_id, status);
  CREATE TABLE IF NOT EXISTS use_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT, identifier TEXT NOT NULL, app_key TEXT NOT NULL, channel TEXT NOT NULL,
    use_cause TEXT NOT NULL, at TEXT NOT NULL
  );`

/** Opens (creating and seeding on first use) the simulator's store. */
export function openSimStore(file: string): SimDb {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true })
  const db = new Database(file)
  if (file !== ':memory:') db.pragma('journal_mode = WAL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  db.exec(SCHEMA)
  seedDemoPeople(db)
  seedDemoBusinesses(db)
  return db
}

/** The demo identities and their e-licences, once. */
function seedDemoPeople(db: SimDb): void {
  if ((db.prepare('SELECT COUNT(*) FROM identity').pluck().get() as number) > 0) return
  const person = db.prepare('INSERT INTO identity (id, name, id_number, mobile, demo) VALUES (?, ?, ?, ?, 1)')
  const licence = db.prepare(`INSERT INTO licence (identifier, type_code, type_name, licence_number, holder_name, holder_code,
    issuer_name, issuer_code, issue_date, valid_from, valid_to, area_code, status, face_json)
    VALUES (@identifier, @type_code, @type_name, @licence_number, @holder_name, @holder_code, @issuer_name, @issuer_code,
    @issue_date, @valid_from, @valid_to, @area_code, @status, @face_json)`)
  db.transaction(() => {
    for (const p of demoPeople()) {
      person.run(p.id, p.name, p.idNumber, p.mobile)
      for (const row of p.licences) licence.run(row)
    }
  })()
}

/** Registers (or updates) an app allowed to call the simulator, with where its sign-ins may be sent back. */
export function provisionApp(db: SimDb, app: { appKey: string; secret: string; redirectOrigin: string }): void {
  db.prepare(`INSERT INTO app (app_key, secret, redirect_origin) VALUES (?, ?, ?)
    ON CONFLICT (app_key) DO UPDATE SET secret = excluded.secret, redirect_origin = excluded.redirect_origin`).run(app.appKey, app.secret, app.redirectOrigin)
}

export interface SimIdentity {
  id: string
  name: string
  id_number: string
  mobile: string
}

export function simIdentity(db: SimDb, id: string): SimIdentity | undefined {
  return db.prepare('SELECT id, name, id_number, mobile FROM identity WHERE id = ?').get(id) as SimIdentity | undefined
}

export function demoIdentities(db: SimDb): SimIdentity[] {
  return db.prepare('SELECT id, name, id_number, mobile FROM identity WHERE demo = 1').all() as SimIdentity[]
}
