// npm run restore: puts a backup (backup.ts) into an empty data folder. Everything is unpacked beside the target
// first and checked against the manifest (every entry there, sizes and sha256 equal, nothing else); the database
// must pass SQLite's integrity check and be no newer than this server. Only then are the files moved into place,
// so a damaged archive changes nothing.
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { MIGRATIONS } from '../db/migrations'
import { BACKUP_FORMAT, DB_ENTRY, MANIFEST_ENTRY, UPLOAD_PREFIX, type Manifest } from './backup'
import { readTar } from './tar'

const UPLOAD_NAME = /^uploads\/[A-Za-z0-9_-]{1,80}$/

export interface RestoreResult {
  schemaVersion: number
  uploads: number
  createdAt: string
}

export class RestoreError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'RestoreError'
  }
}

function refuseIfNotEmpty(dbFile: string, uploadsDir: string): void {
  for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) {
    if (fs.existsSync(f)) throw new RestoreError(`${f} exists: restore only into an empty data folder (move the old one aside first)`)
  }
  if (fs.existsSync(uploadsDir) && fs.readdirSync(uploadsDir).length > 0) throw new RestoreError(`${uploadsDir} is not empty: restore only into an empty data folder`)
}

/** What the archive holds must be exactly what its manifest lists. */
function check(manifest: Manifest, found: { name: string; size: number; sha256: string }[]): void {
  if (manifest.format !== BACKUP_FORMAT) throw new RestoreError(`not a backup of this server (format ${String(manifest.format)})`)
  const listed = new Map(manifest.entries.map((e) => [e.name, e]))
  const problems: string[] = []
  for (const f of found) {
    const want = listed.get(f.name)
    if (!want) problems.push(`${f.name}: not in the manifest`)
    else if (want.size !== f.size || want.sha256 !== f.sha256) problems.push(`${f.name}: checksum differs from the manifest`)
    listed.delete(f.name)
  }
  for (const name of listed.keys()) problems.push(`${name}: missing from the archive`)
  if (problems.length) throw new RestoreError(`the backup is damaged, nothing was restored:\n  ${problems.join('\n  ')}`)
}

function integrityOf(file: string): { ok: boolean; schemaVersion: number } {
  const db = new Database(file, { readonly: true })
  try {
    return { ok: db.pragma('integrity_check', { simple: true }) === 'ok', schemaVersion: db.pragma('user_version', { simple: true }) as number }
  } finally {
    db.close()
  }
}

/** Restores `archive` into `dbFile` and `uploadsDir`, which must not hold data yet. */
export function restore(o: { archive: string; dbFile: string; uploadsDir: string }): RestoreResult {
  if (!fs.existsSync(o.archive)) throw new RestoreError(`no backup at ${o.archive}`)
  refuseIfNotEmpty(o.dbFile, o.uploadsDir)
  fs.mkdirSync(path.dirname(o.dbFile), { recursive: true })
  const staging = fs.mkdtempSync(path.join(path.dirname(o.dbFile), '.restore-'))
  try {
    const entries = readTar(o.archive, (name) => {
      if (name === MANIFEST_ENTRY) return null
      if (name === DB_ENTRY) return path.join(staging, DB_ENTRY)
      if (UPLOAD_NAME.test(name)) return path.join(staging, name.slice(UPLOAD_PREFIX.length))
      throw new RestoreError(`the backup holds an unexpected entry: ${JSON.stringify(name)}`)
    })
    const manifestEntry = entries.find((e) => e.name === MANIFEST_ENTRY)
    if (!manifestEntry?.data) throw new RestoreError('the backup has no manifest: it is incomplete or not a backup')
    const manifest = JSON.parse(manifestEntry.data.toString('utf8')) as Manifest
    check(manifest, entries.filter((e) => e.name !== MANIFEST_ENTRY))
    const db = integrityOf(path.join(staging, DB_ENTRY))
    if (!db.ok) throw new RestoreError('the database in the backup fails SQLite\'s integrity check; nothing was restored')
    if (db.schemaVersion > MIGRATIONS.length) throw new RestoreError(`the backup's schema ${db.schemaVersion} is newer than this server (${MIGRATIONS.length}): restore it with a newer release`)

    fs.mkdirSync(o.uploadsDir, { recursive: true })
    const uploads = entries.filter((e) => UPLOAD_NAME.test(e.name)).map((e) => e.name.slice(UPLOAD_PREFIX.length))
    for (const id of uploads) moveFile(path.join(staging, id), path.join(o.uploadsDir, id))
    moveFile(path.join(staging, DB_ENTRY), o.dbFile)
    return { schemaVersion: db.schemaVersion, uploads: uploads.length, createdAt: manifest.createdAt }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true })
  }
}

/** A rename, or a copy and flush when the uploads folder is on another file system. */
function moveFile(from: string, to: string): void {
  try {
    fs.renameSync(from, to)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err
    fs.copyFileSync(from, to, fs.constants.COPYFILE_EXCL)
    const fd = fs.openSync(to, 'r')
    try { fs.fsyncSync(fd) } finally { fs.closeSync(fd) }
  }
}
