// The backup drill: back up while applicants keep uploading and saving drafts, damage the live data, restore into
// an empty folder, start the server on it, and check that it is whole (SQLite integrity, every file matching its
// row) and that every write acknowledged before the backup began is there. A tampered archive restores nothing.
import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { backup } from '../../mock/backup/backup'
import { restore } from '../../mock/backup/restore'
import { buildServer } from '../../mock/server'
import { callApi } from '../../src/lib/http/client'
import { DEMO } from './support/fixtures'
import { startInProcess, type InProcess } from './support/in-process'
import { applicant, sample, upload, type TestApplicant } from './support/licence-fixtures'

const root = path.resolve(__dirname, '..', '..')
const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex')

interface Acks {
  uploads: { id: string; sha256: string; at: number }[]
  drafts: { userId: string; version: number; at: number }[]
}

/** Each applicant uploads a file and saves their draft, again and again, until `stop()`; every 200 answer is noted. */
function writeLoad(s: InProcess, people: TestApplicant[], acks: Acks) {
  let running = true
  let n = 0
  const loops = people.map(async (a) => {
    let version = 0
    while (running) {
      const bytes = sample('jpeg', `drill-${n++}`)
      const r = await upload(s, a, bytes)
      if (r.status === 200 && r.body.data) acks.uploads.push({ id: r.body.data.uploadId, sha256: sha256(bytes), at: Date.now() })
      const saved = await callApi('draftSave', { body: { answers: { address: { townshipCode: '500101138', detail: `演示街${n}号` } }, page: 'address', version } }, a.client)
      version = saved.version
      acks.drafts.push({ userId: a.userId, version, at: Date.now() })
    }
  })
  return { stop: async () => { running = false; await Promise.all(loops) } }
}

function integrity(dbFile: string): string {
  const db = new Database(dbFile, { readonly: true })
  try { return String(db.pragma('integrity_check', { simple: true })) } finally { db.close() }
}

/** Whether SQLite can open the file and finds it whole. */
function usable(dbFile: string): boolean {
  try {
    return integrity(dbFile) === 'ok'
  } catch {
    return false
  }
}

describe('backup and restore drill', () => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'wz-drill-'))
  const live = { dbFile: path.join(base, 'live', 'wanzhou.db'), uploadsDir: path.join(base, 'live', 'uploads') }
  const archive = path.join(base, 'backup.tar')
  const acks: Acks = { uploads: [], drafts: [] }
  let began = 0
  afterAll(() => fs.rmSync(base, { recursive: true, force: true }))

  it('should take a consistent backup while applicants keep writing', async () => {
    const s = await startInProcess(live)
    try {
      const people = [applicant(s, { identity: DEMO.li }), applicant(s, { identity: DEMO.wang }), applicant(s, { identity: DEMO.zhao })]
      const load = writeLoad(s, people, acks)
      while (acks.uploads.length < 9) await new Promise((r) => setImmediate(r))
      began = Date.now()
      const r = await backup({ ...live, archive })
      const during = acks.uploads.length
      while (acks.uploads.length < during + 3) await new Promise((r2) => setImmediate(r2))
      await load.stop()
      expect(r.manifest.entries[0].name).toBe('wanzhou.db')
      expect(r.manifest.missingUploads).toEqual([])
      expect(acks.uploads.filter((u) => u.at > began).length).toBeGreaterThan(0) // the load really ran past the backup
    } finally {
      await s.close()
    }
  })

  it('should refuse to restore over data, and refuse a tampered archive without touching the target', () => {
    expect(() => restore({ archive, ...live })).toThrow(/exists: restore only into an empty data folder/)
    const tampered = path.join(base, 'tampered.tar')
    const bytes = fs.readFileSync(archive)
    const at = bytes.indexOf(Buffer.from('drill-0'))
    expect(at).toBeGreaterThan(0)
    bytes[at] ^= 0x20
    fs.writeFileSync(tampered, bytes)
    const target = { dbFile: path.join(base, 'tampered', 'wanzhou.db'), uploadsDir: path.join(base, 'tampered', 'uploads') }
    expect(() => restore({ archive: tampered, ...target })).toThrow(/checksum differs from the manifest/)
    expect(fs.existsSync(target.dbFile)).toBe(false)
    expect(fs.existsSync(target.uploadsDir) ? fs.readdirSync(target.uploadsDir) : []).toEqual([])
  })

  it('should restore after the live data is damaged, with every write acknowledged before the backup began', async () => {
    // damage: every page of the live database after the first overwritten, an upload deleted
    const size = fs.statSync(live.dbFile).size
    const fd = fs.openSync(live.dbFile, 'r+')
    fs.writeSync(fd, crypto.randomBytes(size - 4096), 0, size - 4096, 4096)
    fs.closeSync(fd)
    fs.rmSync(path.join(live.uploadsDir, acks.uploads[0].id))
    expect(usable(live.dbFile)).toBe(false)
    fs.rmSync(path.join(base, 'live'), { recursive: true }) // the operator moves the damaged folder aside

    const restored = restore({ archive, ...live })
    expect(restored.uploads).toBeGreaterThanOrEqual(acks.uploads.filter((u) => u.at <= began).length)
    expect(integrity(live.dbFile)).toBe('ok')

    const server = await buildServer({ ...live, staticDir: path.join(base, 'none'), calendarOverrideFile: path.join(base, 'none.json'), logLevel: 'silent' })
    try {
      const rows = new Map((server.db.prepare('SELECT id, sha256 FROM upload').all() as { id: string; sha256: string }[]).map((u) => [u.id, u.sha256]))
      for (const u of acks.uploads.filter((x) => x.at <= began)) {
        expect({ id: u.id, row: rows.get(u.id) }).toEqual({ id: u.id, row: u.sha256 })
      }
      for (const [id, hash] of rows) expect({ id, file: sha256(fs.readFileSync(path.join(live.uploadsDir, id))) }).toEqual({ id, file: hash })
      const versions = new Map((server.db.prepare('SELECT owner_id, version FROM draft').all() as { owner_id: string; version: number }[]).map((d) => [d.owner_id, d.version]))
      for (const d of acks.drafts.filter((x) => x.at <= began)) expect(versions.get(d.userId)).toBeGreaterThanOrEqual(d.version)
    } finally {
      await server.app.close()
    }
  })

  it('should do the same from the command line: npm run backup -- FILE, npm run restore -- FILE into an empty folder only', () => {
    const run = (script: string, file: string, dataDir: string) => spawnSync(process.execPath, ['--import', 'tsx', `mock/cli/${script}.ts`, file], {
      cwd: root, env: { ...process.env, DATA_DIR: dataDir, DB_FILE: '', UPLOADS_DIR: '' }, encoding: 'utf8', timeout: 60_000,
    })
    const again = path.join(base, 'again.tar')
    const b = run('backup', again, path.join(base, 'live'))
    expect([b.status, b.stderr]).toEqual([0, ''])
    expect(b.stdout).toMatch(/backup written: .*again\.tar/)
    const fresh = path.join(base, 'fresh')
    const r = run('restore', again, fresh)
    expect([r.status, r.stderr]).toEqual([0, ''])
    expect(r.stdout).toMatch(/integrity ok/)
    expect(integrity(path.join(fresh, 'wanzhou.db'))).toBe('ok')
    const twice = run('restore', again, fresh)
    expect(twice.status).toBe(1)
    expect(twice.stderr).toContain('restore only into an empty data folder')
  })
})
