import Fastify from 'fastify'
import { loggerOptions } from '../../mock/log'
import { callApi } from '../../src/lib/http/client'
import { startInProcess } from './support/in-process'
import { DEMO, clientFor } from './support/fixtures'
import { applyShop, owner } from './support/progress-fixtures'
import { staffSignIn } from './support/staff-fixtures'
import { latestLookupCode } from './support/sms'

describe('server logs', () => {
  it('should mask ID numbers and mobiles in messages, objects and request URLs', async () => {
    const lines: string[] = []
    const app = Fastify({ logger: loggerOptions('info', { write: (l) => { lines.push(l) } }) })
    app.get('/echo', async (req) => {
      req.log.info({ applicant: { idNumber: '11010519491231002X', mobile: '13800138000' } }, 'lookup 440524188001010014')
      return { ok: true }
    })
    await app.inject({ method: 'GET', url: '/echo?mobile=13900139000' })
    await app.close()
    const all = lines.join('\n')
    expect(all).not.toMatch(/11010519491231002X|440524188001010014|13800138000|13900139000/)
    expect(all).toContain('1101**********002X')
    expect(all).toContain('138****8000')
    expect(all).toContain('139****9000')
    expect(lines.length).toBeGreaterThanOrEqual(3)
    for (const l of lines) expect(() => JSON.parse(l)).not.toThrow()
  })
})

describe('server logs of a running server', () => {
  it('should carry a request id on every line, and never the lookup code, a searched name or a full mobile', async () => {
    const lines: string[] = []
    let code = ''
    const s = await startInProcess({ logLevel: 'info', logStream: { write: (l) => { lines.push(l) } } })
    try {
      const li = await owner(s, DEMO.li)
      const number = await applyShop(li)
      await callApi('lookupCode', { body: { number, mobile: '13800138000' } }, clientFor(s))
      code = latestLookupCode(s.db)
      const staff = await staffSignIn(s, 'gw-kefu')
      await callApi('staffSearch', { query: { q: '李明远' } }, staff.client)
      await fetch(`${s.url}/api/staff/applications?q=${encodeURIComponent('+86 138-0013-8000')}`, { headers: { authorization: `Bearer ${staff.token}` } })
    } finally {
      await s.close()
    }
    const all = lines.join('\n')
    expect(all).toContain('lookup code sent')
    expect(code).toMatch(/^\d{6}$/)
    expect(all).not.toContain(code)
    expect(all).not.toMatch(new RegExp(`"code":"\\d{6}"|验证码\\d{6}`))
    expect(all).not.toMatch(/李明远|%E6%9D%8E%E6%98%8E%E8%BF%9C|13800138000|0013-8000/i)
    expect(all).toContain('q=李**')
    const parsed = lines.map((l) => JSON.parse(l) as { reqId?: string; msg?: string })
    expect(parsed.filter((l) => !l.reqId)).toEqual([])
    expect(new Set(parsed.map((l) => l.reqId)).size).toBeGreaterThan(5)
  })
})
