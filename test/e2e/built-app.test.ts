import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { DEMO_IDENTITIES, DEMO_STAFF } from '../../mock/seed/demo-data'
import { DEMO_PUSH_KEYS } from '../../mock/push/clients'
import { idCheckChar } from '../../src/core/validators'

const root = path.resolve(__dirname, '..', '..')
const BUILDS = ['dist/h5', 'dist/weapp'].map((d) => path.join(root, d))

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    return e.isDirectory() ? files(p) : [p]
  })
}
const text = (dir: string) => files(dir).filter((f) => /\.(js|html|json|wxml|wxss|css)$/.test(f)).map((f) => [f, fs.readFileSync(f, 'utf8')] as const)

describe('the built app (H5 and weapp)', () => {
  it('should exist, so the checks below look at something', () => {
    for (const dir of BUILDS) expect(files(dir).length).toBeGreaterThan(10)
  })

  it('should carry no personal data of the demo identities', () => {
    const secrets = DEMO_IDENTITIES.flatMap((d) => [d.id17 + idCheckChar(d.id17), d.mobile, d.name])
    for (const dir of BUILDS) {
      for (const [file, body] of text(dir)) {
        for (const s of secrets) expect({ file, found: body.includes(s) ? s : null }).toEqual({ file, found: null })
      }
    }
  })

  it('should carry none of the mock\'s server-side code: no signing, no password hashing, no database, no zod', () => {
    const markers = ['createHmac', 'scryptSync', 'better-sqlite3', 'push_client', 'ZodError', 'sgcc-wanzhou-demo']
    for (const dir of BUILDS) {
      for (const [file, body] of text(dir)) {
        const found = markers.filter((m) => body.includes(m))
        expect({ file, found }).toEqual({ file, found: [] })
      }
    }
  })

  it('should carry no mock secret: demo staff passwords, push keys, nor the secrets and hashes of a local mock database', () => {
    const secrets = [...DEMO_STAFF.map((s) => s.password), ...Object.values(DEMO_PUSH_KEYS)]
    const dbFile = path.join(root, 'mock', '.data', 'wanzhou.db')
    if (fs.existsSync(dbFile)) {
      const db = new Database(dbFile, { readonly: true, fileMustExist: true })
      try {
        secrets.push(...(db.prepare('SELECT secret FROM push_client').pluck().all() as string[]))
        secrets.push(...(db.prepare('SELECT password_hash FROM staff_account').pluck().all() as string[]).map((h) => h.split('$').at(-1) ?? h))
      } finally {
        db.close()
      }
    }
    expect(secrets.length).toBeGreaterThanOrEqual(DEMO_STAFF.length + 2)
    for (const dir of BUILDS) {
      for (const [file, body] of text(dir)) {
        const found = secrets.filter((s) => s.length >= 8 && body.includes(s))
        expect({ file, found }).toEqual({ file, found: [] })
      }
    }
  })
})
