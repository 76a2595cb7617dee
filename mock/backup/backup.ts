// npm run backup: one consistent archive of a running server's data. The database is copied with SQLite's online
// backup API (a snapshot as of one moment, while the server keeps writing); then the uploaded files that snapshot
// refers to are added (an upload's file is on disk before its row is committed, so each one is there); last a
// manifest with every entry's size and sha256, which restore checks before it puts anything in place.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { TarWriter, type TarEntry } from './tar'

export const BACKUP_FORMAT = 'wanzhou-bandian-backup/1'
export const DB_ENTRY = 'wanzhou.db'
export const MANIFEST_ENTRY = 'manifest.json'
export const UPLOAD_PREFIX = 'uploads/'
const ALL_PAGES = 0x7fffffff

export interface Manifest {
  format: typeof BACKUP_FORMAT
  createdAt: string
  schemaVersion: number
  /** every entry but the manifest, with its size and sha256 */
  entries: TarEntry[]
  /** uploads the database refers to whose file was not on disk (deleted by the sweep during the backup) */
  missingUploads: string[]
}

export interface BackupResult {
  archive: string
  manifest: Manifest
  bytes: number
}

/** Backs up the database file and the uploads it refers to into `archive` (which must not exist yet). */
export async function backup(o: { dbFile: string; uploadsDir: string; archive: string; now?: () => Date }): Promise<BackupResult> {
  if (!fs.existsSync(o.dbFile)) throw new Error(`no database at ${o.dbFile}`)
  if (fs.existsSync(o.archive)) throw new Error(`${o.archive} exists already; give a new file name`)
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'wz-backup-'))
  const partial = `${o.archive}.partial`
  try {
    const snapshot = path.join(work, DB_ENTRY)
    const live = new Database(o.dbFile, { fileMustExist: true })
    try {
      live.pragma('busy_timeout = 5000')
      // every page in one step: a step reads in one transaction, so the copy is the database as of one commit (in
      // small steps, each write by the server between two of them would start the copy again)
      await live.backup(snapshot, { progress: () => ALL_PAGES })
    } finally {
      live.close()
    }
    const copy = new Database(snapshot, { readonly: true })
    const schemaVersion = copy.pragma('user_version', { simple: true }) as number
    const uploadIds = copy.prepare('SELECT id FROM upload ORDER BY id').pluck().all() as string[]
    copy.close()

    const tar = new TarWriter(partial)
    const entries: TarEntry[] = [tar.addFile(DB_ENTRY, snapshot)]
    const missingUploads: string[] = []
    for (const id of uploadIds) {
      const file = path.join(o.uploadsDir, id)
      if (fs.existsSync(file)) entries.push(tar.addFile(`${UPLOAD_PREFIX}${id}`, file))
      else missingUploads.push(id)
    }
    const manifest: Manifest = { format: BACKUP_FORMAT, createdAt: (o.now ?? (() => new Date()))().toISOString(), schemaVersion, entries, missingUploads }
    tar.addBuffer(MANIFEST_ENTRY, Buffer.from(JSON.stringify(manifest, null, 2)))
    tar.close()
    fs.renameSync(partial, o.archive)
    return { archive: o.archive, manifest, bytes: fs.statSync(o.archive).size }
  } finally {
    fs.rmSync(partial, { force: true })
    fs.rmSync(work, { recursive: true, force: true })
  }
}
