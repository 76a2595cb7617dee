// Which utilities a deployment reaches (UTILITY_ENDPOINTS, UTILITY_KEYS): production offers only the services of
// the utilities it is configured to reach, refuses a part for any other with the reason, and sends each part to the
// configured endpoint signed with the configured key. The utility here is a simulator of its own, outside the server.
import Fastify, { type FastifyInstance } from 'fastify'
import type { AddressInfo } from 'node:net'
import type { AnswersInput } from '../../src/contract/answers'
import { callApi } from '../../src/lib/http/client'
import { ConfigError, configFromEnv } from '../../mock/config'
import { utilityConnections } from '../../mock/utilities/connections'
import { utilitySimulator, type UtilitySimulator } from '../../mock/utilities/simulator'
import { issueCode } from '../../mock/ykb/oauth-code'
import { SIM_API_PREFIX } from '../../mock/ykb/sim-api'
import { demoIdNumber } from '../../mock/seed/seed'
import { DEMO, failure, giveConsent, insertMaterial, newDraft, shopAnswers, signedBody, submit, clientFor } from './support/fixtures'
import { startInProcess, type InProcess } from './support/in-process'

/** Exactly these variables, nothing from the environment the tests run in. */
const envOf = (vars: Record<string, string>): NodeJS.ProcessEnv => ({ TARO_ENV: 'h5', ...vars })

const WATER_KEY = { provider: 'wz-water' as const, appKey: 'wanzhou-at-water', secret: 'w'.repeat(64) }

describe('the utilities a deployment reaches', () => {
  it('should reach every simulated utility in the demo, and in production only the configured ones', () => {
    const demo = utilityConnections('demo')
    expect(['wz-water', 'wz-gas', 'wz-telecom'].map((p) => demo.endpointOf(p))).toEqual(['/sim/utilities/wz-water', '/sim/utilities/wz-gas', '/sim/utilities/wz-telecom'])
    const production = utilityConnections('production', { 'wz-water': 'https://water.example.cn/intake' })
    expect(['wz-water', 'wz-gas'].map((p) => production.endpointOf(p))).toEqual(['https://water.example.cn/intake', null])
    // the electricity enterprises work their cases in this system: always offered, never sent anything
    expect(['sgcc-wanzhou', 'sanxia', 'wz-water', 'wz-gas', 'wz-telecom'].map((p) => production.offers(p))).toEqual([true, true, true, false, false])
    expect(production.endpointOf('sgcc-wanzhou')).toBeNull()
  })

  it('should read UTILITY_ENDPOINTS and UTILITY_KEYS and name what is wrong with them', () => {
    const demo = (env: Record<string, string>) => configFromEnv(envOf({ DATA_DIR: '/tmp/wz-config-test', ...env }), 'demo')
    const c = demo({ UTILITY_ENDPOINTS: 'wz-water=http://127.0.0.1:9000/water/, wz-gas=https://gas.example.cn', UTILITY_KEYS: `wz-water=k-water:${'s'.repeat(40)}` })
    expect(c.utilityEndpoints).toEqual({ 'wz-water': 'http://127.0.0.1:9000/water', 'wz-gas': 'https://gas.example.cn' })
    expect(c.utilityKeys).toEqual([{ provider: 'wz-water', appKey: 'k-water', secret: 's'.repeat(40) }])
    const problem = (env: Record<string, string>) => {
      try { demo(env) } catch (e) { return (e as ConfigError).problems }
      throw new Error('accepted')
    }
    expect(problem({ UTILITY_ENDPOINTS: 'sgcc-wanzhou=https://x.example.cn' })).toEqual([{ setting: 'UTILITY_ENDPOINTS', message: '每项应为 企业=接收地址（企业：wz-water、wz-gas、wz-telecom）' }])
    expect(problem({ UTILITY_ENDPOINTS: 'wz-water=http://water.example.cn' })[0].message).toBe('wz-water 的接收地址应为 https:// 开头的完整地址（本机地址可用 http://）')
    expect(problem({ UTILITY_ENDPOINTS: 'wz-water=https://a.cn,wz-water=https://b.cn' })[0].message).toBe('wz-water 重复出现')
    expect(problem({ UTILITY_KEYS: 'wz-gas=k:short' })[0].message).toBe('wz-gas 的密钥编号应为3–64个字母数字，密钥至少32个字符')
  })

  it('should refuse a production configuration reaching a utility without our key there, or keyed for one it does not reach', () => {
    const complete = {
      DATA_DIR: '/var/lib/wz', UPLOADS_DIR: '/var/lib/wz/uploads', PUBLIC_ORIGIN: 'https://banli.example.cn',
      YKB_BASE_URL: 'https://ykb.example.cn/api', YKB_AUTHORIZE_URL: 'https://ykb.example.cn/authorize', YKB_APP_KEY: 'wanzhou', YKB_APP_SECRET: 'y'.repeat(64),
      PUSH_KEYS: `sgcc-wanzhou=gw-push:${'g'.repeat(64)},sanxia=sx-push:${'x'.repeat(64)}`,
      SMS_ENDPOINT: 'https://sms.example.cn/send', SMS_APP_KEY: 'wanzhou-sms', SMS_APP_SECRET: 'm'.repeat(64),
    }
    expect(configFromEnv(envOf(complete), 'production')).toMatchObject({ utilityEndpoints: {}, utilityKeys: [] })
    const problems = (env: Record<string, string>) => {
      try { configFromEnv(envOf({ ...complete, ...env }), 'production') } catch (e) { return (e as ConfigError).problems }
      throw new Error('accepted')
    }
    expect(problems({ UTILITY_ENDPOINTS: 'wz-water=https://water.example.cn,wz-gas=https://gas.example.cn', UTILITY_KEYS: `wz-water=k-water:${'k'.repeat(32)},wz-telecom=k-tel:${'t'.repeat(32)}` })).toEqual([
      { setting: 'UTILITY_KEYS', message: '缺少 wz-gas 的密钥（UTILITY_ENDPOINTS 中已配置其接收地址）' },
      { setting: 'UTILITY_ENDPOINTS', message: '缺少 wz-telecom 的接收地址（UTILITY_KEYS 中已配置其密钥）' },
    ])
  })
})

describe('production reaching the water utility only', () => {
  let demo: InProcess // plays 渝快办 (its simulator) for the production server
  let prod: InProcess
  let water: UtilitySimulator
  let waterApp: FastifyInstance

  beforeAll(async () => {
    demo = await startInProcess()
    water = utilitySimulator({ dbFile: ':memory:', defaults: { autoAdvanceMs: null } })
    water.provision([WATER_KEY])
    waterApp = Fastify()
    await waterApp.register(water.plugin)
    await waterApp.listen({ port: 0, host: '127.0.0.1' })
    const waterUrl = `http://127.0.0.1:${(waterApp.server.address() as AddressInfo).port}/sim/utilities/wz-water`
    demo.ykbSim!.provision({ appKey: 'wanzhou-prod', secret: 'p'.repeat(64) })
    prod = await startInProcess({
      mode: 'production', smsSender: { kind: 'http', send: async () => ({ outcome: 'sent' as const }) },
      ykb: { baseUrl: `${demo.url}${SIM_API_PREFIX}`, authorizeUrl: `${demo.url}/ykb/authorize`, appKey: 'wanzhou-prod', secret: 'p'.repeat(64), timeoutMs: 2000 },
      utilityEndpoints: { 'wz-water': waterUrl }, utilityKeys: [WATER_KEY],
    })
  })
  afterAll(async () => {
    await prod?.close()
    await demo?.close()
    await waterApp?.close()
    water?.close()
  })

  it('should offer water and not gas or broadband', async () => {
    const catalogue = await callApi('services', {}, prod.client)
    const joinable = catalogue.services.filter((s) => !s.standalone).map((s) => s.code)
    expect(joinable).toEqual(['water-connect'])
    expect(catalogue.suppliers.map((s) => s.code)).toEqual(['sgcc-wanzhou', 'sanxia', 'wz-water'])
  })

  it('should refuse a gas part with the reason, then send the water part to the configured endpoint with the configured key', async () => {
    const login = await callApi('loginYkb', { body: { code: issueCode(demo.ykbSim!.db, DEMO.li, ['base', 'user', 'mobile'], new Date()) } }, prod.client)
    const li = { client: clientFor(prod, login.session.token) }
    await giveConsent({ ...li, session: login.session, me: login.me })
    const idCard = insertMaterial(prod.db, login.me.userId, { kind: 'id-card', number: demoIdNumber(DEMO.li) })
    const property = insertMaterial(prod.db, login.me.userId, { kind: 'property' })
    const answers = (withGas: boolean): AnswersInput => ({
      ...shopAnswers({ idCard, property }),
      joint: [
        { service: 'water-connect', answers: { waterUse: 'business', people: 6 }, consent: 'given' },
        ...(withGas ? [{ service: 'gas-connect' as const, answers: { appliances: 'commercial' }, consent: 'given' as const }] : []),
      ],
    })
    const draftId = await newDraft(li)
    const refused = await failure(submit(li, await signedBody(li, draftId, answers(true))))
    expect(refused.code).toBe('VALIDATION_FAILED')
    expect(refused.fieldErrors).toEqual([{ path: 'answers.joint.1.service', message: '万州区燃气企业（示例）尚未接入本平台，暂不能同时办理用气报装，请取消该项后提交' }])
    expect(prod.db.prepare('SELECT COUNT(*) AS n FROM application').get()).toEqual({ n: 0 })

    const receipt = await submit(li, await signedBody(li, draftId, answers(false)))
    const part = receipt.joint?.parts[0]
    expect(part?.serviceName).toBe('用水报装')
    await prod.utilities.dispatcher.runOnce()
    const got = water.received('wz-water')
    expect(got.map((c) => c.caseNumber)).toEqual([part?.number])
    expect(got[0].payload).toMatchObject({ jointNumber: receipt.joint?.number, service: 'water-connect' })
    expect(prod.db.prepare('SELECT state, utility_ref FROM utility_outbox').all()).toEqual([{ state: 'delivered', utility_ref: got[0].utilityRef }])
  })
})
