import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildServer } from '../../mock/server'

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
      { username: 'gw-banzhang', role: 'supervisor', supplier: 'sgcc-wanzhou' }, { username: 'gw-kefu', role: 'agent', supplier: 'sgcc-wanzhou' },
      { username: 'sx-banzhang', role: 'supervisor', supplier: 'sanxia' }, { username: 'sx-kefu', role: 'agent', supplier: 'sanxia' },
      { username: 'wz-admin', role: 'admin', supplier: null },
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
})
