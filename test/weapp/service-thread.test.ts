import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ServiceThread } from './runtime/service-thread'
import { createWx } from './runtime/fake-wx'
import { CURRENT_BASE_LIBRARY } from './runtime/base-library'
import { minimumBaseLibrary, Phone } from './runtime/phone'
import { startInProcess } from '../contract/support/in-process'

/** A tiny hand-written mini-program, to show the stand-in catches what WeChat would refuse or report. */
function miniProgram(pages: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wz-weapp-vm-'))
  fs.writeFileSync(path.join(dir, 'app.json'), JSON.stringify({ pages: Object.keys(pages) }))
  fs.writeFileSync(path.join(dir, 'app.js'), 'App({ globalData: { launched: true } })')
  for (const [route, code] of Object.entries(pages)) {
    fs.mkdirSync(path.dirname(path.join(dir, route)), { recursive: true })
    fs.writeFileSync(path.join(dir, `${route}.js`), code)
    fs.writeFileSync(path.join(dir, `${route}.json`), '{}')
  }
  return dir
}

describe('the WeChat-like service thread', () => {
  it('should offer WeChat\'s globals and none of a browser\'s, and refuse eval', async () => {
    const dir = miniProgram({
      'pages/a/index': `Page({ onLoad() { this.setData({ seen: [typeof window, typeof document, typeof localStorage,
        typeof XMLHttpRequest, typeof wx, typeof getApp().globalData, typeof getCurrentPages] }); eval('1') } })`,
    })
    const thread = new ServiceThread({ weappDir: dir, serverUrl: 'http://127.0.0.1:9', version: CURRENT_BASE_LIBRARY })
    await thread.launch()
    expect(thread.top().data.seen).toEqual(['undefined', 'undefined', 'undefined', 'undefined', 'object', 'object', 'function'])
    expect(thread.errors).toEqual([expect.stringMatching(/^pages\/a\/index onLoad: Code generation from strings disallowed/)])
    thread.close()
  })

  // (a promise rejected with nobody to catch it is recorded too; under Jest, Jest itself fails the test first)
  it('should refuse a setData over 1 MB and record errors thrown by timers and event handlers', async () => {
    const dir = miniProgram({
      'pages/a/index': `Page({
        onLoad() { setTimeout(() => { throw new Error('late failure') }, 500) },
        eh() { this.setData({ big: 'x'.repeat(1024 * 1024) }) },
      })`,
    })
    const thread = new ServiceThread({ weappDir: dir, serverUrl: 'http://127.0.0.1:9', version: CURRENT_BASE_LIBRARY })
    await thread.launch()
    thread.dispatch(thread.top(), 'eh', { type: 'tap' })
    await new Promise((r) => setImmediate(r))
    expect(thread.errors).toEqual([
      expect.stringMatching(/^timer: late failure/),
      expect.stringMatching(/^pages\/a\/index eh\(tap\): setData of \d+ bytes on pages\/a\/index: over WeChat's 1 MB limit/),
    ])
    thread.close()
  })

  it('should hide the APIs newer than the declared minimum base library, and say so through canIUse', () => {
    const min = minimumBaseLibrary()
    const host = { version: min, fontSizeSetting: 16, serverUrl: '', storage: new Map(), later: () => undefined, track: () => undefined,
      route: () => null, back: () => null, shown: [], unavailable: [] }
    const old = createWx(host)
    const current = createWx({ ...host, version: CURRENT_BASE_LIBRARY })
    for (const api of ['getAppBaseInfo', 'requirePrivacyAuthorize']) {
      expect(old[api]).toBeUndefined()
      expect((old.canIUse as (s: string) => boolean)(api)).toBe(false)
      expect(typeof current[api]).toBe('function')
    }
    expect(typeof old.chooseMedia).toBe('function')
  })

  it.each([CURRENT_BASE_LIBRARY, minimumBaseLibrary()])('should follow WeChat\'s font size on the start page at base library %s', async (version) => {
    const server = await startInProcess()
    const phone = new Phone(server.url, version, { fontSizeSetting: 20 })
    await phone.thread.launch()
    expect(JSON.stringify(phone.thread.top().data)).toContain('--wz-font-scale: 1.25')
    expect(phone.thread.errors).toEqual([])
    phone.close()
    await server.close()
  })
})
