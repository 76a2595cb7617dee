import fs from 'node:fs'
import path from 'node:path'
import { startInProcess, type InProcess } from './support/in-process'
import { callApi } from '../../src/lib/http/client'
import { ApiError } from '../../src/lib/http/api-error'
import { endpoints } from '../../src/contract'
import { ROUTES } from '../../src/contract/routes'
import { SERVICES } from '../../src/core/services'
import { TOWNSHIPS } from '../../src/core/wanzhou'
import { BUNDLED_SUPPLY_SETTINGS } from '../../src/core/supply-settings'
import { enqueueDispatch } from '../../mock/utilities/outbox'

let s: InProcess
beforeAll(async () => { s = await startInProcess() })
afterAll(async () => { await s.close() })

describe('system endpoints, called through the app client', () => {
  it('should serve the service table exactly as the domain core defines it', async () => {
    const cat = await callApi('services', {}, s.client)
    expect(cat.services).toEqual(JSON.parse(JSON.stringify(SERVICES)))
    expect(cat.services.map((x) => x.code)).toEqual(['resident', 'lv-business', 'hv-10kv', 'water-connect', 'gas-connect', 'telecom-connect'])
    expect(cat.suppliers.every((x) => !('intake' in x))).toBe(true)
    expect(cat.suppliers.map((x) => x.name)).toEqual(expect.arrayContaining(['国网万州供电分公司']))
  })

  it('should serve all 52 townships with their default supplier rule', async () => {
    const t = await callApi('townships', {}, s.client)
    expect(t.townships).toHaveLength(52)
    expect(t.townships).toEqual(TOWNSHIPS.map((x) => ({ ...x, supplier: BUNDLED_SUPPLY_SETTINGS.suppliers[x.code] })))
    expect(t.supplierRule.source).toBe('default')
  })

  it('should wrap every answer in the {code, msg, data} envelope', async () => {
    const res = await fetch(`${s.url}/api/services`)
    const body = await res.json()
    expect(body.code).toBe('00')
    expect(body.msg).toBe('成功')
    expect(body.data.services).toHaveLength(6)
  })

  it('should name the bad field with a Chinese message when a query is invalid', async () => {
    const err = await callApi('calendar', { query: { from: 'abc' as unknown as number } }, s.client).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    const e = err as ApiError
    expect(e.code).toBe('VALIDATION_FAILED')
    expect(e.status).toBe(400)
    expect(e.fieldErrors[0]?.path).toBe('query.from')
    expect(e.fieldErrors[0]?.message).toMatch(/[\u4e00-\u9fa5]/)
  })

  it('should answer NOT_FOUND in the envelope for an unknown API path', async () => {
    const res = await fetch(`${s.url}/api/no-such-thing`)
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({ code: 'NOT_FOUND', msg: '未找到相关内容', data: null })
  })

  it('should report health with the schema version and journal mode', async () => {
    const res = await fetch(`${s.url}/healthz`)
    const body = await res.json()
    expect(body.status).toBe('ok')
    expect(body.db.ok).toBe(true)
    expect(body.db.schemaVersion).toBeGreaterThanOrEqual(1)
  })

  it('should report the utilities outbox backlog: waiting and refused dispatches', async () => {
    const before = (await (await fetch(`${s.url}/healthz`)).json()).dispatch
    enqueueDispatch(s.db, { provider: 'wz-water', caseNumber: 'WZ20261205000009', payload: {} }, new Date(Date.now() + 3_600_000))
    const after = (await (await fetch(`${s.url}/healthz`)).json()).dispatch
    expect(after).toEqual({ pending: before.pending + 1, refused: before.refused })
  })

  it('should describe every contract endpoint in /openapi.json', async () => {
    const doc = await (await fetch(`${s.url}/openapi.json`)).json()
    expect(doc.openapi).toBe('3.1.0')
    for (const [id, e] of Object.entries(endpoints)) {
      const p = e.path.replace(/:(\w+)/g, '{$1}')
      expect(doc.paths[p]?.[e.method.toLowerCase()]?.operationId).toBe(id)
    }
    expect(doc.paths['/api/calendar'].get.parameters[0].name).toBe('from')
  })

  it('should keep the run-time route table and the contract in step', () => {
    for (const [id, e] of Object.entries(endpoints)) {
      expect(ROUTES[id as keyof typeof ROUTES]).toEqual({ method: e.method, path: e.path })
    }
    expect(Object.keys(ROUTES).sort()).toEqual(Object.keys(endpoints).sort())
  })

  it('should add a newly published year from the override file without a restart', async () => {
    const before = await callApi('calendar', { query: { from: 2026 } }, s.client)
    expect(Object.keys(before.years)).toEqual(['2026'])
    fs.writeFileSync(path.join(s.dataDir, 'calendar-override.json'), JSON.stringify({ 2027: { holidays: ['2027-01-01'], workdays: [] } }))
    const after = await callApi('calendar', { query: { from: 2026 } }, s.client)
    expect(Object.keys(after.years)).toEqual(['2026', '2027'])
    expect(after.source).toContain('override')
  })

  it('should send security headers', async () => {
    const res = await fetch(`${s.url}/api/services`)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('x-frame-options')).toBe('DENY')
  })
})
