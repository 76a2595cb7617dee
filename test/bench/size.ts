// Size budgets, measured on the production builds (run npm run build:h5 and build:weapp first).
// Prints a table and exits 1 when a budget is broken.
import zlib from 'node:zlib'
import { packageSizes } from '../weapp/weapp-output'
import { startServer } from '../e2e/support/server'
import { launchBrowser, phoneContext } from '../e2e/support/browser'

const KB = 1024
const BUDGET = { weappMain: 600 * KB, weappSub: 1024 * KB, h5StartGzip: 200 * KB }

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
