/**
 * Schema migrations, applied in order; PRAGMA user_version holds how many have run.
 * Never edit a migration that has shipped: add a new one.
 */
export const MIGRATIONS: string[] = [
  // 1: identities known to the 渝快办 mock, their e-licences, staff accounts
  `
  CREATE TABLE ykb_identity (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    id_number TEXT NOT NULL UNIQUE,
    mobile TEXT NOT NULL,
    demo INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
  );
  CREATE TABLE e_licence (
    identifier TEXT PRIMARY KEY,
    type_code TEXT NOT NULL,
    type_name TEXT NOT NULL,
    licence_number TEXT NOT NULL,
    holder_name TEXT NOT NULL,
    holder_code TEXT NOT NULL,
    holder_code_type TEXT NOT NULL DEFAULT '111',
    issuer_name TEXT NOT NULL,
    issuer_code TEXT NOT NULL,
    issue_date TEXT NOT NULL,
    valid_from TEXT NOT NULL,
    valid_to TEXT,
    area_code TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('current', 'cancelled')),
    face_json TEXT NOT NULL,
    demo INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX e_licence_holder ON e_licence (holder_code, type_code);
  CREATE TABLE staff_account (
    username TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('agent', 'supervisor', 'admin')),
    supplier TEXT,
    password_hash TEXT NOT NULL,
    demo INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
  );
  `,
]
