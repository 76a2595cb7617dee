import crypto from 'node:crypto'
import type { Db } from '../db/open'
import { idCheckChar, creditCodeCheckChar, makeLicenceId } from '../../src/core/validators'
import { hashPassword } from '../auth/password'
import { DEMO_IDENTITIES, DEMO_STAFF, ISSUERS, LICENCE_TYPES, type DemoIdentity } from './demo-data'

const withCheck = (id17: string) => id17 + idCheckChar(id17)

/** A demo identity's full ID number (for tests and benches that type it, as its holder would). */
export function demoIdNumber(key: string): string {
  const who = DEMO_IDENTITIES.find((d) => d.key === key)
  if (!who) throw new Error(`no demo identity ${key}`)
  return withCheck(who.id17)
}
const issuerCode = (code17: string) => code17 + creditCodeCheckChar(code17)

/**
 * 赵强's cancelled certificate: another place, year, unit and serial than the current demo certificates, so that even
 * masked (township, last digits) it never looks like 李明远's.
 */
const CANCELLED_FACE = {
  coOwnership: '单独所有', location: '重庆市万州区龙都街道演示路26号3幢2-4', unitNo: '500101020003GB00071F00260304',
  rightType: '国有建设用地使用权/房屋所有权', rightNature: '出让/市场化商品房', use: '住宅', area: '72.30㎡', term: '2009-04-01起2079-03-31止',
  certNo: '渝(2019)万州区不动产权第0087650号',
}

function licenceRows(who: DemoIdentity, idNumber: string, index: number) {
  return who.licences.map((kind, k) => {
    const isId = kind.startsWith('id-card')
    const type = isId ? LICENCE_TYPES.idCard : LICENCE_TYPES.property
    const issuer = isId ? ISSUERS.police : ISSUERS.realEstate
    const serial = `2026${String(index + 1).padStart(2, '0')}${String(k + 1).padStart(2, '0')}`
    const expired = kind === 'id-card-expired'
    const face = isId
      ? { name: who.name, idNumber, address: '重庆市万州区高笋塘街道演示路1号', validFrom: expired ? '2005-03-01' : '2016-03-01', validTo: expired ? '2025-03-01' : '2036-03-01' }
      : kind === 'property-cancelled' ? { owner: who.name, ...CANCELLED_FACE, validFrom: '2019-05-10' } : {
          owner: who.name, coOwnership: '单独所有', location: `重庆市万州区瀼渡镇演示街${index + 8}号1幢1-${k + 1}`,
          unitNo: `500101138001GB00012F000${index + 1}000${k + 1}`, rightType: '国有建设用地使用权/房屋所有权',
          rightNature: '出让/市场化商品房', use: '商业服务/商业', area: '86.50㎡', term: '2015-06-01起2055-05-31止',
          certNo: `渝(2023)万州区不动产权第00${index + 1}234${k}号`,
        }
    return {
      identifier: makeLicenceId(type.code, issuerCode(issuer.code17), serial, '001'),
      type_code: type.code, type_name: type.name,
      licence_number: isId ? idNumber : (face as { certNo: string }).certNo,
      holder_name: who.name, holder_code: idNumber, issuer_name: issuer.name, issuer_code: issuerCode(issuer.code17),
      issue_date: face.validFrom ?? '2023-06-18', valid_from: face.validFrom ?? '2023-06-18', valid_to: isId ? face.validTo : null,
      area_code: '500101', status: kind === 'property-cancelled' ? 'cancelled' : 'current', face_json: JSON.stringify(face),
    }
  })
}

/** Adds the demo staff accounts that are missing (idempotent: run at every start). */
function ensureDemoStaff(db: Db, at: string): void {
  const exists = db.prepare('SELECT 1 FROM staff_account WHERE username = ?')
  const insert = db.prepare(`INSERT INTO staff_account (username, display_name, role, supplier, password_hash, demo, created_at)
    VALUES (?, ?, ?, ?, ?, 1, ?)`)
  for (const s of DEMO_STAFF) {
    if (!exists.get(s.username)) insert.run(s.username, s.displayName, s.role, s.supplier, hashPassword(s.password, crypto.randomBytes(16)), at)
  }
}

/** The demo identities and their e-licences, as the 渝快办 simulator's store holds them (mock/ykb/sim-store.ts). */
export function demoPeople() {
  return DEMO_IDENTITIES.map((who, i) => {
    const idNumber = withCheck(who.id17)
    return { id: who.key, name: who.name, idNumber, mobile: who.mobile, licences: licenceRows(who, idNumber, i) }
  })
}

export type DemoLicenceRow = ReturnType<typeof licenceRows>[number]

/**
 * Adds the demo staff accounts that are missing, at every start of the demo (never in production). Returns
 * whether this was the first start (no staff account before). The demo identities and their e-licences are the
 * 渝快办 simulator's, in its own store.
 */
export function seedDemoData(db: Db, now = new Date()): boolean {
  const first = (db.prepare('SELECT COUNT(*) FROM staff_account').pluck().get() as number) === 0
  db.transaction(() => ensureDemoStaff(db, now.toISOString()))()
  return first
}
