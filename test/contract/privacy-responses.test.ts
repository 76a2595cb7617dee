// Privacy (PIPL; domain.md sections 5 and 10): no list or overview answer — my applications, the detail and
// receipt, lookups, staff search, case, dashboard, CSV export, access log — carries a real ID number or mobile.
// "Real" is decided by the domain validators in src/core, not by a digit pattern alone.
import { checkIdNumber, checkMobile } from '../../src/core/validators'
import { DEMO_IDENTITIES } from '../../mock/seed/demo-data'
import { idCheckChar } from '../../src/core/validators'
import type { RouteId } from '../../src/contract/routes'
import type { InProcess } from './support/in-process'
import { DEMO } from './support/fixtures'
import { applyShop, progressSuite, type Owner } from './support/progress-fixtures'
import { applyShopWithPhoto, idOnlyOwner, staffSignIn } from './support/staff-fixtures'
import { callRoute, type Call } from './support/actors'
import { latestLookupCode } from './support/sms'

/** sha256 hex (contract hashes) may hold long digit runs by chance; they are not personal data. */
const HASH = /[0-9a-f]{64}/gi
/** Every valid 公民身份号码 (GB 11643 check character, a real birth date) not inside a longer run of digits. */
function realIdNumbersIn(text: string, today: Date): string[] {
  const plain = text.replace(HASH, '#')
  return [...plain.matchAll(/(?<![0-9])[0-9]{17}[0-9Xx](?![0-9A-Za-z])/g)].map((m) => m[0]).filter((c) => checkIdNumber(c, today).ok)
}
/** Every valid mainland mobile not inside a longer run of digits. */
function realMobilesIn(text: string): string[] {
  return [...text.replace(HASH, '#').matchAll(/(?<![0-9])1[3-9][0-9]{9}(?![0-9])/g)].map((m) => m[0]).filter((c) => checkMobile(c).ok)
}

const suite = progressSuite()
const { clock } = suite
let s: InProcess
let li: Owner
let numbers: string[] = []
const token: Record<string, string> = {}
const LI = DEMO_IDENTITIES.find((d) => d.key === DEMO.li)!
const LI_ID = LI.id17 + idCheckChar(LI.id17)

beforeAll(async () => {
  ({ s, li } = suite)
  const wang = await idOnlyOwner(s, DEMO.wang)
  numbers = [(await applyShopWithPhoto(s, li)).number, await applyShop(li), await applyShop(wang)]
  token.li = li.headers.authorization.slice(7)
  token.supervisor = (await staffSignIn(s, 'gw-banzhang')).token
  token.admin = (await staffSignIn(s, 'wz-admin')).token
})

const month = '2026-11'
/** Who asks, and what: every answer that lists or summarises applications. */
const ANSWERS: [string, RouteId, string | null, () => Call | Promise<Call>][] = [
  ['my applications', 'myApplications', 'li', () => ({})],
  ['my application\'s detail', 'applicationDetail', 'li', () => ({ params: { number: numbers[0] } })],
  ['my receipt', 'receipt', 'li', () => ({ params: { number: numbers[0] } })],
  ['me', 'me', 'li', () => ({})],
  ['a lookup', 'lookup', null, async () => {
    await callRoute(s, 'lookupCode', { body: { number: numbers[1], mobile: LI.mobile } })
    return { body: { number: numbers[1], mobile: LI.mobile, code: latestLookupCode(s.db) } }
  }],
  ['staff search by mobile', 'staffSearch', 'supervisor', () => ({ query: { q: LI.mobile } })],
  ['staff search by ID number', 'staffSearch', 'supervisor', () => ({ query: { q: LI_ID } })],
  ['staff search by name', 'staffSearch', 'supervisor', () => ({ query: { q: LI.name } })],
  ['staff search, everything', 'staffSearch', 'admin', () => ({ query: {} })],
  ['staff case', 'staffCase', 'supervisor', () => ({ params: { number: numbers[0] } })],
  ['the dashboard', 'staffDashboard', 'supervisor', () => ({ query: { month } })],
  ['the CSV export', 'staffReportCsv', 'admin', () => ({ query: { month } })],
  ['the access log', 'staffAccessLog', 'admin', () => ({})],
]

describe('privacy: list and overview answers', () => {
  it.each(ANSWERS)('should carry no real ID number or mobile in %s', async (_name, route, who, call) => {
    clock.advance(3600_000)
    const answer = await callRoute(s, route, await call(), who ? token[who] : undefined)
    expect(answer.status).toBe(200)
    const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body)
    expect(text.length).toBeGreaterThan(50)
    expect({ ids: realIdNumbersIn(text, clock.now()), mobiles: realMobilesIn(text) }).toEqual({ ids: [], mobiles: [] })
    for (const d of DEMO_IDENTITIES) expect(text).not.toContain(d.id17)
  })

  it('should find them where they are meant to be: a reveal, with its reason logged', async () => {
    for (const field of ['idNumber', 'mobile'] as const) {
      const r = await callRoute(s, 'staffReveal', { params: { number: numbers[0] }, body: { field, reason: '电话核实身份' } }, token.supervisor)
      const text = JSON.stringify(r.body)
      expect(field === 'idNumber' ? realIdNumbersIn(text, clock.now()) : realMobilesIn(text)).toEqual([field === 'idNumber' ? LI_ID : LI.mobile])
    }
  })

  it('should tell a real number from a look-alike (the detector itself)', () => {
    const wrongCheck = LI.id17 + String((Number(idCheckChar(LI.id17).replace('X', '10')) + 1) % 10)
    expect(realIdNumbersIn(`a ${LI_ID} b ${wrongCheck} c 9${LI_ID}`, clock.now())).toEqual([LI_ID])
    expect(realMobilesIn(`x ${LI.mobile} y 12800138000 z 913800138000 ${'0'.repeat(64)}`)).toEqual([LI.mobile])
  })
})
