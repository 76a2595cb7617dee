// One Lighthouse run (mobile: Lighthouse's default emulation and simulated throttling) in a Chromium of its
// own, so no page inherits another's cache. A page that needs a signed-in applicant gets the session written
// into the origin's localStorage first, through the same browser's CDP port, and Lighthouse is told to keep it.
import fs from 'node:fs'
import type { Result } from 'lighthouse'
import * as chromeLauncher from 'chrome-launcher'
import { chromium } from 'playwright-core'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const CATEGORIES = ['performance', 'accessibility'] as const

export interface AuditTarget {
  /** the full URL to audit */
  url: string
  /** localStorage entries to set for the URL's origin before the audit */
  storage?: { key: string; value: string }[]
}

/** Writes `storage` into the origin's localStorage and empties the HTTP cache, over CDP, then lets go. */
async function prepareStorage(port: number, origin: string, storage: NonNullable<AuditTarget['storage']>): Promise<void> {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`)
  try {
    const context = browser.contexts()[0] ?? await browser.newContext()
    const page = await context.newPage()
    // A small same-origin answer (not the app), so nothing the audit measures is loaded, let alone cached.
    await page.goto(`${origin}/healthz`)
    await page.evaluate((entries) => { for (const { key, value } of entries) localStorage.setItem(key, value) }, storage)
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.clearBrowserCache')
    await page.close()
  } finally {
    await browser.close()
  }
}

export async function audit(target: AuditTarget): Promise<Result> {
  // A real dynamic import: tsx would otherwise compile Lighthouse to CommonJS with esbuild's keepNames, and the
  // __name() calls that adds break the functions Lighthouse serialises into the page ("__name is not defined").
  const { default: lighthouse } = await import('lighthouse')
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`)
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'], logLevel: 'silent' })
  try {
    if (target.storage?.length) await prepareStorage(chrome.port, new URL(target.url).origin, target.storage)
    const run = await lighthouse(target.url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...CATEGORIES],
      // keeps the session written above; the cache was emptied there instead
      disableStorageReset: Boolean(target.storage?.length),
    })
    if (!run) throw new Error(`Lighthouse returned nothing for ${target.url}`)
    if (run.lhr.runtimeError) throw new Error(`Lighthouse could not audit ${target.url}: ${run.lhr.runtimeError.code} ${run.lhr.runtimeError.message}`)
    return run.lhr
  } finally {
    chrome.kill()
  }
}
