// npm run staff: the accounts a deployment adds (production seeds none). Each role with what it needs (an agent or
// 班长 its enterprise, the district none), passwords hashed, a reset ending every sign-in; and the command itself.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { callApi } from '../../src/lib/http/client'
import { AccountRefused, addAccount, listAccounts, resetPassword } from '../../mock/staff/account-admin'
import { clientFor, failure } from './support/fixtures'
import { startInProcess, type InProcess } from './support/in-process'

let s: InProcess
beforeAll(async () => { s = await startInProcess() })
afterAll(async () => { await s?.close() })

const now = new Date()
const refusal = (fn: () => unknown) => {
  try { fn() } catch (e) { if (e instanceof AccountRefused) return e.message; throw e }
  throw new Error('accepted')
}

describe('staff accounts of a deployment', () => {
  it('should add a 班长 of one enterprise who signs in with the password as a 班长 of that enterprise', async () => {
    const password = addAccount(s.db, { username: 'gw-zhang', displayName: '国网万州班长张', role: 'supervisor', provider: 'sgcc-wanzhou' }, now)
    expect(password).toMatch(/^[A-Za-z0-9_-]{16}$/)
    expect(s.db.prepare('SELECT password_hash FROM staff_account WHERE username = ?').pluck().get('gw-zhang')).toMatch(/^scrypt\$/)
    const login = await callApi('staffLogin', { body: { username: 'gw-zhang', password } }, clientFor(s))
    expect(login.staff).toEqual({ username: 'gw-zhang', displayName: '国网万州班长张', role: 'supervisor', supplier: 'sgcc-wanzhou' })
    expect(listAccounts(s.db).find((a) => a.username === 'gw-zhang')).toMatchObject({ role: 'supervisor', provider: 'sgcc-wanzhou', demo: false })
  })

  it('should refuse what a role cannot be, a weak password and a taken name, each with the reason', () => {
    const add = (o: Partial<Parameters<typeof addAccount>[1]>) => refusal(() => addAccount(s.db, { username: 'new-one', displayName: '新账号', role: 'agent', provider: 'sanxia', ...o }, now))
    expect(add({ role: 'agent', provider: undefined })).toBe('客服须指定所属企业（sgcc-wanzhou、sanxia、wz-water、wz-gas、wz-telecom）')
    expect(add({ role: 'district', provider: 'sanxia' })).toBe('区经信委不属于某一企业，请勿指定企业')
    expect(add({ role: 'boss' })).toBe('角色应为 agent、supervisor、admin、district 之一')
    expect(add({ username: 'Bad Name' })).toBe('用户名应为3–32个小写字母、数字或连字符，以字母开头')
    expect(add({ password: 'short1' })).toBe('密码应至少12个字符，含字母和数字')
    expect(add({ password: 'onlyletterslong' })).toBe('密码应至少12个字符，含字母和数字')
    expect(add({ username: 'gw-kefu' })).toBe('用户名 gw-kefu 已存在')
    expect(s.db.prepare('SELECT COUNT(*) FROM staff_account WHERE username = ?').pluck().get('new-one')).toBe(0)
  })

  it('should end every sign-in of an account whose password is reset, and take only the new password', async () => {
    addAccount(s.db, { username: 'jxw-li', displayName: '区经信委李', role: 'district', password: 'Old-password-2026' }, now)
    const before = await callApi('staffLogin', { body: { username: 'jxw-li', password: 'Old-password-2026' } }, clientFor(s))
    const fresh = resetPassword(s.db, 'jxw-li', new Date())
    expect((await failure(callApi('staffMe', {}, clientFor(s, before.session.token)))).code).toBe('UNAUTHENTICATED')
    expect((await failure(callApi('staffLogin', { body: { username: 'jxw-li', password: 'Old-password-2026' } }, clientFor(s)))).code).toBe('STAFF_LOGIN_FAILED')
    expect((await callApi('staffLogin', { body: { username: 'jxw-li', password: fresh } }, clientFor(s))).staff.role).toBe('district')
    expect(refusal(() => resetPassword(s.db, 'nobody', new Date()))).toBe('没有用户名为 nobody 的账号')
  })

  it('should work as a command on the data folder, saying what went wrong with exit status 1 and its usage with 2', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wz-staff-cli-'))
    const run = (args: string[], env: Record<string, string> = {}) => {
      try {
        return { status: 0, out: execFileSync(process.execPath, ['--import', 'tsx', 'mock/cli/staff.ts', ...args], { env: { ...process.env, DATA_DIR: dataDir, DB_FILE: '', ...env }, encoding: 'utf8', stdio: 'pipe' }) }
      } catch (e) {
        const err = e as { status: number; stderr: string }
        return { status: err.status, out: err.stderr }
      }
    }
    const added = run(['add', 'sx-wang', '--name', '三峡水利客服王', '--role', 'agent', '--provider', 'sanxia'], { STAFF_PASSWORD: 'Given-password-2026' })
    expect(added).toEqual({ status: 0, out: '已添加 sx-wang（客服）\n' })
    expect(run(['list']).out).toContain('sx-wang')
    expect(run(['add', 'sx-wang', '--name', '重复', '--role', 'agent', '--provider', 'sanxia'])).toEqual({ status: 1, out: '未完成：用户名 sx-wang 已存在\n' })
    expect(run(['remove', 'sx-wang'])).toMatchObject({ status: 2, out: expect.stringContaining('usage: npm run staff') })
    const reset = run(['password', 'sx-wang'])
    expect(reset.out).toMatch(/^已为 sx-wang 设置新密码，其现有登录已全部失效\n新密码（仅显示这一次）：[A-Za-z0-9_-]{16}\n$/)
    fs.rmSync(dataDir, { recursive: true, force: true })
  })
})
