import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import * as password from '../../mock/auth/password'
import { buildServer } from '../../mock/server'
import { callApi } from '../../src/lib/http/client'
import { startInProcess, type InProcess } from './support/in-process'
import { clientFor, failure, makeClock } from './support/fixtures'
import { applicant } from './support/licence-fixtures'
import { staffSignIn } from './support/staff-fixtures'
import { lockMs } from '../../mock/staff/lockouts'

const login = (s: InProcess, username: string, pw: string) => callApi('staffLogin', { body: { username, password: pw } }, clientFor(s))

/** A sign-in sent from another loopback address (the server sees it as another client). */
function loginFrom(s: InProcess, localAddress: string, username: string, pw: string): Promise<{ status: number; code: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${s.url}/api/staff/login`, { method: 'POST', localAddress, headers: { 'content-type': 'application/json' } }, (res) => {
      let text = ''
      res.on('data', (d: Buffer) => { text += d.toString() })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, code: (JSON.parse(text) as { code: string }).code }))
    })
    req.on('error', reject)
    req.end(JSON.stringify({ username, password: pw }))
  })
}

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
    expect((await login(s, 'wz-jxw', 'Demo-jxw-2026')).staff).toEqual({ username: 'wz-jxw', displayName: '万州区经济和信息化委员会（演示）', role: 'district', supplier: null })
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

  it('should lock an account only for the address the failures came from, twice as long each time, and clear on success', async () => {
    clock.set('2026-11-26T06:00:00Z')
    const attacker = '127.0.0.2'
    for (let i = 0; i < 4; i++) expect((await loginFrom(s, attacker, 'sx-kefu', `wrong-${i}`)).code).toBe('STAFF_LOGIN_FAILED')
    expect(await loginFrom(s, attacker, 'sx-kefu', 'wrong-5')).toEqual({ status: 423, code: 'STAFF_LOCKED' })
    expect((await loginFrom(s, attacker, 'sx-kefu', 'Demo-sx-2026')).code).toBe('STAFF_LOCKED')
    // the member of staff at their own desk is not locked out
    expect((await login(s, 'sx-kefu', 'Demo-sx-2026')).staff.username).toBe('sx-kefu')
    // the second lock of that pair lasts 30 minutes, the third an hour
    clock.set('2026-11-26T06:15:00Z')
    for (let i = 0; i < 5; i++) await loginFrom(s, attacker, 'sx-kefu', 'wrong')
    clock.set('2026-11-26T06:44:59Z')
    expect((await loginFrom(s, attacker, 'sx-kefu', 'Demo-sx-2026')).code).toBe('STAFF_LOCKED')
    clock.set('2026-11-26T06:45:00Z')
    for (let i = 0; i < 5; i++) await loginFrom(s, attacker, 'sx-kefu', 'wrong')
    expect(s.db.prepare("SELECT locks, locked_until FROM staff_lockout WHERE username = 'sx-kefu' AND client_ip = ?").get(attacker))
      .toEqual({ locks: 3, locked_until: '2026-11-26T07:45:00.000Z' })
    expect(lockMs(8)).toBe(24 * 3600_000)
    // an unknown account is counted and locked alike, so a lock gives nothing away
    for (let i = 0; i < 4; i++) await loginFrom(s, attacker, 'no-such-kefu', 'wrong')
    expect((await loginFrom(s, attacker, 'no-such-kefu', 'wrong')).code).toBe('STAFF_LOCKED')
    clock.set('2026-11-26T07:45:00Z')
    expect((await loginFrom(s, attacker, 'sx-kefu', 'Demo-sx-2026')).status).toBe(200)
    expect(s.db.prepare("SELECT COUNT(*) FROM staff_lockout WHERE username = 'sx-kefu' AND client_ip = ?").pluck().get(attacker)).toBe(0)
    // a day later the unknown account's pair is forgotten: the next failure anywhere prunes it
    clock.set('2026-11-27T07:50:00Z')
    await loginFrom(s, '127.0.0.4', 'someone', 'wrong')
    expect(s.db.prepare("SELECT COUNT(*) FROM staff_lockout WHERE username = 'no-such-kefu'").pluck().get()).toBe(0)
  })

  it('should let the admin see the locks and clear one, and nobody else', async () => {
    clock.set('2026-11-26T09:00:00Z')
    for (let i = 0; i < 5; i++) await loginFrom(s, '127.0.0.3', 'gw-banzhang', 'wrong')
    await loginFrom(s, '127.0.0.3', 'gw-kefu', 'wrong')
    const admin = await staffSignIn(s, 'wz-admin')
    const { items } = await callApi('staffLockouts', {}, admin.client)
    const locked = items.find((l) => l.username === 'gw-banzhang' && l.clientIp === '127.0.0.3')
    expect(locked).toEqual({ id: expect.any(Number), username: 'gw-banzhang', clientIp: '127.0.0.3', failures: 0, locks: 1,
      lockedUntil: '2026-11-26T09:15:00.000Z', lastFailureAt: '2026-11-26T09:00:00.000Z' })
    expect(items.find((l) => l.username === 'gw-kefu' && l.clientIp === '127.0.0.3')).toMatchObject({ failures: 1, locks: 0, lockedUntil: null })
    const supervisor = await staffSignIn(s, 'sx-banzhang')
    expect((await failure(callApi('staffLockouts', {}, supervisor.client))).code).toBe('FORBIDDEN')
    expect((await failure(callApi('staffLockoutClear', { params: { id: locked!.id }, body: {} as never }, supervisor.client))).code).toBe('FORBIDDEN')
    const after = await callApi('staffLockoutClear', { params: { id: locked!.id }, body: {} as never }, admin.client)
    expect(after.items.some((l) => l.id === locked!.id)).toBe(false)
    expect((await loginFrom(s, '127.0.0.3', 'gw-banzhang', 'Demo-gw-bz-2026')).status).toBe(200)
    const gone = await failure(callApi('staffLockoutClear', { params: { id: locked!.id }, body: {} as never }, admin.client))
    expect([gone.code, gone.message]).toEqual(['NOT_FOUND', '未找到该锁定记录，可能已解除'])
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
    first.db.prepare("DELETE FROM staff_account WHERE username IN ('gw-banzhang', 'sx-banzhang', 'wz-admin', 'wz-jxw')").run()
    await first.app.close()
    const second = await buildServer(config)
    const rows = second.db.prepare('SELECT username, demo FROM staff_account ORDER BY username').all()
    expect(rows).toEqual(['gs-kefu', 'gw-banzhang', 'gw-kefu', 'kd-kefu', 'rq-kefu', 'sx-banzhang', 'sx-kefu', 'wz-admin', 'wz-jxw'].map((username) => ({ username, demo: 1 })))
    expect(second.seeded).toBe(false)
    await second.app.close()
  })
})
