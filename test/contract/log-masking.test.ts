import Fastify from 'fastify'
import { loggerOptions } from '../../mock/log'

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
