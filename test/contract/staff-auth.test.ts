import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as password from '../../mock/auth/password'
import { buildServer } from '../../mock/server'
import { callApi } from '../../src/lib/http/client'
import { startInProcess, type InProcess } from './support/in-process'
import { clientFor, failure, makeClock } from './support/fixtures'
import { applicant } from './support/licence-fixtures'
import { staffSignIn } from './support/staff-fixtures'

const login = (s: InProcess, username: string, pw: string) => callApi('staffLogin', { body: { username, password: pw } }, clientFor(s))

describe('staff sign-in', () => {
  let s: InProcess
  const clock = makeClock('2026-11-26T02:00:00Z')
  beforeAll(async () => { s = await startInProcess({ now: clock.now }) })
  afterAll(async () => { await s.close() })

  it('should sign in a supervisor and answer staffMe with the role and enterprise, then refuse the token after logout', async () => {
    const r = await login(s, 'gw-banzhang', 'Demo-gw-bz-2026')
    expect(r.staff).toEqual({ username: 'gw-banzhang', displayName: '国网万州供电分公司班长（演示）', role: 'supervisor', supplier: 'sgcc-wanzhou' })
    const client = clientFor(s, r.session.token)
    expect(await callApi('staffMe', {}, client)).toEqual(r.staff)
    await callApi('staffLogout', { body: {} as never }, client)
    expect((await failure(callApi('staffMe', {}, client))).code).toBe('UNAUTHENTICATED')
  })

  it('should sign in the admin with no enterprise', async () => {
    expect((await login(s, 'wz-admin', 'Demo-admin-2026')).staff).toEqual({ username: 'wz-admin', displayName: '万州办电管理员（演示）', role: 'admin', supplier: null })
  })

  it('should answer the identical STAFF_LOGIN_FAILED for an unknown account and a wrong password, checking a password hash for both', async () => {
    const verify = jest.spyOn(password, 'verifyPassword')
    const unknown = await failure(login(s, 'no-such-kefu', 'Demo-gw-2026'))
    const wrong = await failure(login(s, 'sx-kefu', 'Demo-gw-2026'))
    expect([unknown.code, unknown.status, unknown.message]).toEqual(['STAFF_LOGIN_FAILED', 401, '账号或密码不正确'])
    expect([wrong.code, wrong.status, wrong.message]).toEqual([unknown.code, unknown.status, unknown.message])
    expect(verify).toHaveBeenCalledTimes(2)
    verify.mockRestore()
  })

  it('should lock the account on the 5th failure in a row, refuse even the right password, and unlock after 15 minutes', async () => {
    clock.set('2026-11-26T03:00:00Z')
    for (let i = 0; i < 4; i++) expect((await failure(login(s, 'gw-kefu', `wrong-${i}`))).code).toBe('STAFF_LOGIN_FAILED')
    const fifth = await failure(login(s, 'gw-kefu', 'wrong-5'))
    expect([fifth.code, fifth.status]).toEqual(['STAFF_LOCKED', 423])
    expect((await failure(login(s, 'gw-kefu', 'Demo-gw-2026'))).code).toBe('STAFF_LOCKED')
    clock.set('2026-11-26T03:14:59Z')
    expect((await failure(login(s, 'gw-kefu', 'Demo-gw-2026'))).code).toBe('STAFF_LOCKED')
    clock.set('2026-11-26T03:15:00Z')
    expect((await login(s, 'gw-kefu', 'Demo-gw-2026')).staff.username).toBe('gw-kefu')
  })

  it('should reset the count on a success, so 4 failures, a success and 4 more failures do not lock', async () => {
    clock.set('2026-11-26T04:00:00Z')
    for (let i = 0; i < 4; i++) await failure(login(s, 'sx-banzhang', 'wrong'))
    await login(s, 'sx-banzhang', 'Demo-sx-bz-2026')
    for (let i = 0; i < 4; i++) expect((await failure(login(s, 'sx-banzhang', 'wrong'))).code).toBe('STAFF_LOGIN_FAILED')
    expect((await login(s, 'sx-banzhang', 'Demo-sx-bz-2026')).staff.username).toBe('sx-banzhang')
  })

  it('should keep applicant and staff sessions apart: each is FORBIDDEN on the other\'s endpoints', async () => {
    const person = applicant(s)
    const gw = await staffSignIn(s, 'gw-kefu')
    expect((await failure(callApi('staffMe', {}, person.client))).code).toBe('FORBIDDEN')
    expect((await failure(callApi('me', {}, gw.client))).code).toBe('FORBIDDEN')
    expect((await failure(callApi('myApplications', {}, gw.client))).code).toBe('FORBIDDEN')
  })
})

describe('staff sign-in limits and seeding', () => {
  it('should answer RATE_LIMITED to the 21st sign-in from one address within a minute', async () => {
    const s = await startInProcess({ now: makeClock('2026-11-26T02:00:00Z').now })
    try {
      const codes: string[] = []
      for (let i = 0; i < 21; i++) codes.push((await failure(login(s, `nobody-${i}`, 'x'))).code)
      expect(codes.slice(0, 20)).toEqual(Array(20).fill('STAFF_LOGIN_FAILED'))
      expect(codes[20]).toBe('RATE_LIMITED')
    } finally {
      await s.close()
    }
  })

  it('should add the missing demo staff accounts to an existing database at the next start', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wz-staff-seed-'))
    const config = { dbFile: path.join(dir, 'wanzhou.db'), staticDir: path.join(dir, 'none'), calendarOverrideFile: path.join(dir, 'none.json'), logLevel: 'silent' }
    const first = await buildServer(config)
    first.db.prepare("DELETE FROM staff_account WHERE username IN ('gw-banzhang', 'sx-banzhang', 'wz-admin')").run()
    await first.app.close()
    const second = await buildServer(config)
    const rows = second.db.prepare('SELECT username, demo FROM staff_account ORDER BY username').all()
    expect(rows).toEqual(['gw-banzhang', 'gw-kefu', 'sx-banzhang', 'sx-kefu', 'wz-admin'].map((username) => ({ username, demo: 1 })))
    expect(second.seeded).toBe(false)
    await second.app.close()
  })
})
