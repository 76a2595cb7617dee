// Size budgets, measured on the production builds (run npm run build:h5 and build:weapp first).
// weapp: main package ≤ 360 KB, each subpackage ≤ 1 MB, each of the start page's setData ≤ 20 KB (the weapp build
// launched in the WeChat-like service thread of test/weapp/runtime against the mock server in-process);
// H5: the start page's JS ≤ 200 KB gzip (its transfer budget, 120 KiB as sent, is bench:lighthouse's).
// Prints a table and exits 1 when a budget is broken.
import zlib from 'node:zlib'
import { packageSizes } from '../weapp/weapp-output'
import { startServer } from '../e2e/support/server'
import { launchBrowser, phoneContext } from '../e2e/support/browser'
import { startInProcess } from '../contract/support/in-process'
import { Phone } from '../weapp/runtime/phone'
import { CURRENT_BASE_LIBRARY } from '../weapp/runtime/base-library'

const KB = 1024
/**
 * weapp main: issue 14's target is 360 KB (met: 342.3 KB). `npm test` runs this with WEAPP_MAIN_CEILING_KB, a
 * ceiling just above today's size, so the suite fails on growth well before the target would.
 */
const WEAPP_MAIN_KB = Number(process.env.WEAPP_MAIN_CEILING_KB ?? 360)
const BUDGET = { weappMain: WEAPP_MAIN_KB * KB, weappSub: 1024 * KB, weappStartSetData: 20 * KB, h5StartGzip: 200 * KB }

/**
 * Bytes of the start page's setData calls from launch until it is at rest (its catalogue loaded): the first, and
 * the largest, which the budget holds (what WeChat carries to the render thread in one go).
 */
async function weappStartSetData(): Promise<{ first: number; largest: number }> {
  const server = await startInProcess()
  const phone = new Phone(server.url, CURRENT_BASE_LIBRARY)
  try {
    await phone.thread.launch()
    await phone.thread.idle()
    const calls = phone.thread.setDataCalls.filter((c) => c.route === 'pages/index/index')
    if (calls.length === 0 || phone.thread.setDataCalls[0]?.route !== 'pages/index/index') throw new Error('the start page was not the first page rendered')
    return { first: calls[0].bytes, largest: Math.max(...calls.map((c) => c.bytes)) }
  } finally {
    phone.close()
    await server.close()
  }
}

/** JS the start page really loads: open it in headless Chromium against the real server and gzip every script. */
async function h5StartPageJs(): Promise<{ files: number; raw: number; gzip: number }> {
  const server = await startServer()
  const browser = await launchBrowser()
  try {
    const ctx = await phoneContext(browser)
    const page = await ctx.newPage()
    const bodies: Promise<Buffer>[] = []
    page.on('response', (r) => { if (r.request().resourceType() === 'script') bodies.push(r.body()) })
    await page.goto(server.url + '/', { waitUntil: 'networkidle' })
    await page.getByText('低压非居民新装').first().waitFor({ timeout: 30_000 })
    const buffers = await Promise.all(bodies)
    return {
      files: buffers.length,
      raw: buffers.reduce((n, b) => n + b.length, 0),
      gzip: buffers.reduce((n, b) => n + zlib.gzipSync(b, { level: 9 }).length, 0),
    }
  } finally {
    await browser.close()
    await server.stop()
  }
}

async function main(): Promise<void> {
const rows: [string, number, number][] = []
const weapp = packageSizes()
rows.push(['weapp main package', weapp.main, BUDGET.weappMain])
for (const [root, size] of Object.entries(weapp.subpackages)) rows.push([`weapp subpackage ${root}`, size, BUDGET.weappSub])
const setData = await weappStartSetData()
rows.push([`weapp start page, largest setData until at rest (first ${(setData.first / KB).toFixed(1)} KB; base library ${CURRENT_BASE_LIBRARY})`, setData.largest, BUDGET.weappStartSetData])
const h5 = await h5StartPageJs()
rows.push([`H5 start-page JS, gzip (${h5.files} files, ${(h5.raw / KB).toFixed(1)} KB raw)`, h5.gzip, BUDGET.h5StartGzip])

let failed = false
process.stdout.write('| what | size | budget | |\n|---|---|---|---|\n')
for (const [what, size, budget] of rows) {
  const ok = size <= budget
  failed ||= !ok
  process.stdout.write(`| ${what} | ${(size / KB).toFixed(1)} KB | ${(budget / KB).toFixed(0)} KB | ${ok ? 'ok' : 'OVER BUDGET'} |\n`)
}
process.exit(failed ? 1 : 0)
}

void main()
