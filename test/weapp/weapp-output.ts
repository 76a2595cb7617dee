import fs from 'node:fs'
import path from 'node:path'
import { parse } from 'acorn'

export const WEAPP_DIR = path.resolve(__dirname, '..', '..', 'dist', 'weapp')

/** Keys WeChat accepts in app.json (the ones this project may use); anything else is a leak from config. */
const APP_JSON_KEYS = new Set(['pages', 'subPackages', 'subpackages', 'window', 'tabBar', 'preloadRule', 'usingComponents',
  'permission', 'requiredPrivateInfos', 'lazyCodeLoading', '__usePrivacyCheck__', 'networkTimeout', 'sitemapLocation',
  'style', 'entryPagePath', 'plugins', 'resolveAlias', 'renderer', 'componentFramework', 'debug', 'darkmode', 'themeLocation'])

export interface AppJson {
  pages: string[]
  subPackages?: { root: string; pages: string[]; name?: string }[]
  [k: string]: unknown
}

export function readAppJson(dir = WEAPP_DIR): AppJson {
  return JSON.parse(fs.readFileSync(path.join(dir, 'app.json'), 'utf8')) as AppJson
}

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name)
    return d.isDirectory() ? walk(p) : [p]
  })
}

/**
 * The syntax the weapp's scripts may use: ES2018 (babel.config.js's weapp targets, iOS 11.3 and Chrome 60; the
 * packages Taro does not compile, axios and zustand, ship it as they are). WeChat runs them as written.
 */
export const WEAPP_ECMA_VERSION = 2018

/** Everything wrong with the weapp output that WeChat DevTools would refuse; empty when it is sound. */
export function weappProblems(dir = WEAPP_DIR): string[] {
  const problems: string[] = []
  if (!fs.existsSync(path.join(dir, 'app.json'))) return [`no app.json in ${dir}: run npm run build:weapp`]
  const files = walk(dir)
  for (const f of files.filter((x) => x.endsWith('.json'))) {
    try { JSON.parse(fs.readFileSync(f, 'utf8')) } catch { problems.push(`${path.relative(dir, f)} is not valid JSON`) }
  }
  for (const f of files.filter((x) => x.endsWith('.js'))) {
    try {
      parse(fs.readFileSync(f, 'utf8'), { ecmaVersion: WEAPP_ECMA_VERSION, sourceType: 'script' })
    } catch (e) {
      problems.push(`${path.relative(dir, f)} is not ES${WEAPP_ECMA_VERSION}: ${(e as Error).message}`)
    }
  }
  const app = readAppJson(dir)
  for (const key of Object.keys(app)) if (!APP_JSON_KEYS.has(key)) problems.push(`app.json has an unknown key "${key}"`)
  const pages = [...app.pages, ...(app.subPackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/$/, '')}/${p}`))]
  for (const page of pages) {
    for (const ext of ['.js', '.wxml', '.json']) {
      if (!fs.existsSync(path.join(dir, page + ext))) problems.push(`page ${page} has no ${ext}`)
    }
  }
  for (const f of files.filter((x) => x.endsWith('.json') && !x.endsWith('app.json') && !x.endsWith('project.config.json'))) {
    const json = JSON.parse(fs.readFileSync(f, 'utf8')) as { usingComponents?: Record<string, string> }
    for (const [name, ref] of Object.entries(json.usingComponents ?? {})) {
      if (ref.startsWith('plugin://')) continue
      const base = ref.startsWith('/') ? path.join(dir, ref) : path.resolve(path.dirname(f), ref)
      if (!fs.existsSync(base + '.js') && !fs.existsSync(path.join(base, 'index.js'))) {
        problems.push(`${path.relative(dir, f)}: component "${name}" → ${ref} does not resolve`)
      }
    }
  }
  return problems
}

/** Bytes of the main package (everything outside subpackage roots) and of each subpackage. */
export function packageSizes(dir = WEAPP_DIR): { main: number; subpackages: Record<string, number> } {
  const app = readAppJson(dir)
  const roots = (app.subPackages ?? []).map((s) => s.root.replace(/\/$/, ''))
  const sizes = { main: 0, subpackages: Object.fromEntries(roots.map((r) => [r, 0])) as Record<string, number> }
  for (const f of walk(dir)) {
    const rel = path.relative(dir, f).split(path.sep).join('/')
    if (rel === 'project.config.json' || rel.endsWith('.LICENSE.txt') || rel.endsWith('.map')) continue
    const size = fs.statSync(f).size
    const root = roots.find((r) => rel.startsWith(r + '/'))
    if (root) sizes.subpackages[root] += size
    else sizes.main += size
  }
  return sizes
}
