// npm run serve (production): refuses an incomplete configuration, naming each setting; with a complete one it
// serves the app and the API, and none of the demo's pages.
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { freePort, launchMock, type MockProcess } from '../support/server'

const root = path.resolve(__dirname, '..', '..', '..')
const REQUIRED = ['DATA_DIR', 'UPLOADS_DIR', 'PUBLIC_ORIGIN', 'YKB_BASE_URL', 'YKB_AUTHORIZE_URL', 'YKB_APP_KEY', 'YKB_APP_SECRET',
  'PUSH_KEYS', 'SMS_ENDPOINT', 'SMS_APP_KEY', 'SMS_APP_SECRET']

/** Every setting this test controls, blanked: the developer's own environment must not complete the configuration. */
const blank = Object.fromEntries([...REQUIRED, 'DB_FILE', 'LOG_LEVEL'].map((k) => [k, '']))

/** npm run serve's entry with `env`; resolves with its exit status and output once it exits (or fails after 20 s). */
function runToExit(env: Record<string, string>): Promise<{ status: number | null; output: string; ms: number }> {
  const started = Date.now()
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'mock/serve.ts'], { cwd: root, env: { ...process.env, ...blank, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (d: Buffer) => { output += d.toString() })
    child.stderr.on('data', (d: Buffer) => { output += d.toString() })
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`still running after 20 s:\n${output}`)) }, 20_000)
    child.once('exit', (status) => { clearTimeout(timer); resolve({ status, output, ms: Date.now() - started }) })
  })
}

const secret = () => crypto.randomBytes(32).toString('hex')

describe('npm run serve (production mode)', () => {
  it('should refuse to start without configuration, naming every missing setting', async () => {
    const run = await runToExit({})
    expect(run.status).toBe(2)
    for (const setting of REQUIRED) expect(run.output).toContain(`${setting}: 未设置`)
    expect(run.ms).toBeLessThan(15_000)
  })

  it('should name an invalid setting and what is wrong with it, and refuse the demo simulator\'s switches', async () => {
    const run = await runToExit({ PUBLIC_ORIGIN: 'http://banli.example.gov.cn', PUSH_KEYS: `sgcc-wanzhou=gw-key:${secret()}`, YKB_APP_SECRET: 'short', YKB_SIM_DELAY_MS: '5000' })
    expect(run.status).toBe(2)
    expect(run.output).toMatch(/PUBLIC_ORIGIN: 应为 https:\/\//)
    expect(run.output).toContain('PUSH_KEYS: 缺少供电企业 sanxia 的推送密钥')
    expect(run.output).toContain('YKB_APP_SECRET: 至少32个字符')
    expect(run.output).toContain('YKB_SIM_DELAY_MS: 仅演示模式可用')
  })

  describe('with a complete configuration', () => {
    let server: MockProcess
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wz-serve-'))
    const secrets = { ykb: secret(), gw: secret(), sx: secret(), sms: secret() }

    beforeAll(async () => {
      const port = await freePort()
      server = await launchMock(port, {
        ...blank, DATA_DIR: dataDir, UPLOADS_DIR: path.join(dataDir, 'uploads'), PUBLIC_ORIGIN: `http://127.0.0.1:${port}`,
        STATIC_DIR: process.env.STATIC_DIR ?? path.join(root, 'dist', 'h5'),
        YKB_BASE_URL: 'https://open.ykb.example.gov.cn/api', YKB_AUTHORIZE_URL: 'https://open.ykb.example.gov.cn/authorize',
        YKB_APP_KEY: 'wanzhou-bandian', YKB_APP_SECRET: secrets.ykb,
        PUSH_KEYS: `sgcc-wanzhou=gw-key:${secrets.gw},sanxia=sx-key:${secrets.sx}`,
        SMS_ENDPOINT: 'https://sms.example.gov.cn/send', SMS_APP_KEY: 'wanzhou-sms', SMS_APP_SECRET: secrets.sms,
      }, { entry: 'mock/serve.ts' })
    })
    afterAll(async () => {
      if (server?.child.exitCode === null) {
        const exited = new Promise((r) => server.child.once('exit', r))
        server.child.kill('SIGTERM')
        await exited
      }
    })

    it('should serve the app and the API', async () => {
      const page = await fetch(`${server.url}/`)
      expect(page.status).toBe(200)
      expect(await page.text()).toContain('<div id="app"')
      const services = await fetch(`${server.url}/api/services`)
      expect(services.status).toBe(200)
      expect(((await services.json()) as { code: string }).code).toBe('00')
    })

    it('should answer 404 for every page of the demo (identity picker, SMS outbox, licence pages)', async () => {
      const demoPages = ['/ykb/', '/ykb/authorize?redirect_uri=%2F&state=s&scope=base', '/ykb/sms', '/ykb/licence-show?identity=ykb-demo-li&kind=id-card',
        '/ykb/paper-qr?identity=ykb-demo-li', '/ykb/demo/idcard-front.png', '/ykb/demo/idcard-back.png', '/ykb/sim/switches', '/ykb/open/openapi.json']
      for (const p of demoPages) expect({ p, status: (await fetch(`${server.url}${p}`)).status }).toEqual({ p, status: 404 })
      const posted = await fetch(`${server.url}/ykb/authorize`, { method: 'POST', body: 'identity=ykb-demo-li&decision=allow', headers: { 'content-type': 'application/x-www-form-urlencoded' } })
      expect(posted.status).toBe(404)
      const switched = await fetch(`${server.url}/ykb/sim/switches`, { method: 'PUT', body: '{"delayMs":1}', headers: { 'content-type': 'application/json' } })
      expect(switched.status).toBe(404)
    })

    it('should report the 渝快办 gateway\'s circuit in /healthz', async () => {
      expect(((await (await fetch(`${server.url}/healthz`)).json()) as { ykb: unknown }).ykb).toEqual({ circuit: 'closed' })
    })

    it('should have seeded nothing: no demo staff account signs in', async () => {
      const res = await fetch(`${server.url}/api/staff/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'wz-admin', password: 'Demo-admin-2026' }) })
      expect(res.status).toBe(401)
    })

    it('should log no secret, and name its settings\' places instead', () => {
      const out = server.output()
      for (const s of Object.values(secrets)) expect(out).not.toContain(s)
      expect(out).toContain('synchronous=FULL')
      expect(out).not.toContain('Demo-admin-2026')
    })
  })
})
