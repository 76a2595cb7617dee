import type { Browser, BrowserContext, Page } from 'playwright-core'
import { startServer, type RunningServer } from '../support/server'
import { launchBrowser, phoneContext, watchProblems } from '../support/browser'
import { Journey } from '../support/journey'

export interface JourneyEnv {
  server: RunningServer
  browser: Browser
}

/** One server and one browser for a test file. */
export function useJourneyEnv(): () => JourneyEnv {
  let env: JourneyEnv | undefined
  beforeAll(async () => {
    env = { server: await startServer(), browser: await launchBrowser() }
  })
  afterAll(async () => {
    await env?.browser.close()
    await env?.server.stop()
  })
  return () => {
    if (!env) throw new Error('journey env not started')
    return env
  }
}

/** A fresh phone (no storage) on the start page. */
export async function newJourney(env: JourneyEnv, name: string): Promise<{ j: Journey; page: Page; ctx: BrowserContext; problems: string[] }> {
  const ctx = await phoneContext(env.browser)
  const page = await ctx.newPage()
  const problems = watchProblems(page)
  await page.goto(env.server.url + '/')
  await page.getByText('我要申请办电').waitFor({ timeout: 30_000 })
  return { j: new Journey(page, name), page, ctx, problems }
}

/** The application number on the result page. */
export async function resultNumber(page: Page): Promise<string> {
  const number = page.locator('.result__number')
  await number.waitFor({ timeout: 20_000 })
  return (await number.innerText()).trim()
}
