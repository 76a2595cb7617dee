import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { buildServer } from '../../mock/server'
import { openDb } from '../../mock/db/open'
import { MIGRATIONS } from '../../mock/db/migrations'

const config = (dir: string) => ({
  dbFile: path.join(dir, 'data', 'wanzhou.db'),
  staticDir: path.join(dir, 'none'),
  calendarOverrideFile: path.join(dir, 'none.json'),
  logLevel: 'silent',
})

describe('persistence', () => {
  it('should create the database on first start, seed demo data once, and keep it across restarts', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wz-persist-'))
    const first = await buildServer(config(dir))
    expect(first.seeded).toBe(true)
    expect(first.db.pragma('journal_mode', { simple: true })).toBe('wal')
    // the demo identities are the 渝快办 simulator's, in its own store beside ours; our database holds none of them
    expect(fs.existsSync(path.join(dir, 'data', 'ykb-simulator.db'))).toBe(true)
    const identities = first.ykbSim!.db.prepare('SELECT COUNT(*) AS n FROM identity WHERE demo = 1').get() as { n: number }
    expect(identities.n).toBe(3)
    expect(first.db.prepare('SELECT COUNT(*) AS n FROM ykb_identity').get()).toEqual({ n: 0 })
    await first.app.close()

    const second = await buildServer(config(dir))
    expect(second.seeded).toBe(false)
    const again = second.ykbSim!.db.prepare('SELECT COUNT(*) AS n FROM identity').get() as { n: number }
    expect(again.n).toBe(3)
    const staff = second.db.prepare('SELECT username, role, supplier FROM staff_account ORDER BY username').all()
    expect(staff).toEqual([
      { username: 'gs-kefu', role: 'agent', supplier: 'wz-water' },
      { username: 'gw-banzhang', role: 'supervisor', supplier: 'sgcc-wanzhou' }, { username: 'gw-kefu', role: 'agent', supplier: 'sgcc-wanzhou' },
      { username: 'kd-kefu', role: 'agent', supplier: 'wz-telecom' }, { username: 'rq-kefu', role: 'agent', supplier: 'wz-gas' },
      { username: 'sx-banzhang', role: 'supervisor', supplier: 'sanxia' }, { username: 'sx-kefu', role: 'agent', supplier: 'sanxia' },
      { username: 'wz-admin', role: 'admin', supplier: null }, { username: 'wz-jxw', role: 'district', supplier: null },
    ])
    await second.app.close()
  })

  it('should seed the simulator with an applicant with both e-licences and one without a property e-licence', async () => {
    const built = await buildServer({ ...config(fs.mkdtempSync(path.join(os.tmpdir(), 'wz-seed-'))), dbFile: ':memory:' })
    const rows = built.ykbSim!.db.prepare(`SELECT i.id, l.type_name, l.status FROM identity i
      JOIN licence l ON l.holder_code = i.id_number ORDER BY i.id, l.type_name`).all()
    expect(rows).toEqual(expect.arrayContaining([
      { id: 'ykb-demo-li', type_name: '不动产权证书', status: 'current' },
      { id: 'ykb-demo-li', type_name: '居民身份证', status: 'current' },
      { id: 'ykb-demo-wang', type_name: '居民身份证', status: 'current' },
    ]))
    expect(rows.filter((r) => (r as { id: string }).id === 'ykb-demo-wang')).toHaveLength(1)
    await built.app.close()
  })

  it('should rebuild staff_account for the district role (migration 18) keeping every account and its staff notes\' author', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wz-migrate-')), 'old.db')
    const old = new Database(file)
    for (const m of MIGRATIONS.slice(0, 17)) old.exec(m)
    old.pragma('user_version = 17')
    old.prepare("INSERT INTO staff_account (username, display_name, role, supplier, password_hash, demo, created_at, failed_logins) VALUES ('old-bz', '旧班长', 'supervisor', 'sanxia', 'h', 0, '2026-01-01T00:00:00.000Z', 2)").run()
    expect(() => old.prepare("INSERT INTO staff_account (username, display_name, role, password_hash, created_at) VALUES ('d', 'd', 'district', 'h', 'x')").run()).toThrow(/CHECK/)
    old.close()
    const db = openDb(file)
    expect(db.prepare("SELECT username, role, supplier, failed_logins FROM staff_account").all()).toEqual([{ username: 'old-bz', role: 'supervisor', supplier: 'sanxia', failed_logins: 2 }])
    db.prepare("INSERT INTO staff_account (username, display_name, role, password_hash, created_at) VALUES ('d', 'd', 'district', 'h', 'x')").run()
    expect(() => db.prepare("INSERT INTO staff_account (username, display_name, role, password_hash, created_at) VALUES ('e', 'e', 'boss', 'h', 'x')").run()).toThrow(/CHECK/)
    // the notes' foreign key still names the rebuilt table, and is enforced again after the migrations
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(() => db.prepare("INSERT INTO staff_note (application_number, author, text, at) VALUES ('WZ00000000000000', 'nobody', 't', 'x')").run()).toThrow(/FOREIGN KEY/)
    db.close()
  })
})
