// After `taro build --type h5` (npm run build:h5 runs it): the start page painted from index.html itself,
// before any script has run.
//
// Opens the built app in headless Chromium against the mock server (in this process, on a throw-away in-memory
// database), waits for the start page to show the service catalogue (served from the service table in
// src/core), and writes into index.html, between <!--wz-prerender--> markers:
//   - the page's markup as the app rendered it, in #wz-prerendered, an overlay above #app. Taro's custom elements
//     (taro-view-core …) and router classes are renamed (wz-pre-view …), so that nothing upgrades or finds them;
//   - the CSS rules that markup uses, rewritten the same way (an inline <style>: no extra request);
//   - the catalogue it showed (<script type="application/json">), so the app's first render is the same page;
//   - a small inline script that drops the overlay when the address is not the start page (allowed by its
//     hash: the server's CSP hashes every inline script of index.html, mock/http/h5-csp.ts);
//   - another that keeps a tap on the overlay's buttons and links (shown pressed) for the app to make once it
//     has taken over: the page looks ready before it is, and a tap on it must not be lost;
//   - the app's scripts, moved from <head> to a loader at the end of <body> that asks for them once the
//     overlay has been painted (at once when there is no overlay): the page paints from the HTML and CSS alone,
//     never waiting for the scripts to arrive and compile.
// The start page removes the overlay once it is on screen (src/features/start/prerendered.h5.ts).
//
//   node --import tsx config/prerender-start.ts [dist/h5]      CHROMIUM_PATH overrides /usr/bin/chromium
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { chromium } from 'playwright-core'
import { buildServer } from '../mock/server'
import { PRERENDER } from '../src/features/start/prerender-ids'
import { LANDING_FLAG } from './route-chunks-plugin'

const root = path.resolve(__dirname, '..')
const staticDir = path.resolve(root, process.argv[2] ?? 'dist/h5')
const indexFile = path.join(staticDir, 'index.html')
const START = '<!--wz-prerender-->'
const END = '<!--/wz-prerender-->'
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

interface Snapshot {
  markup: string
  css: string[]
  catalogue: string
}

/** Taro's element and router names, renamed in the copy so that neither custom elements nor the router touch it. */
export const renamed = (text: string): string =>
  text.replace(/\btaro-([a-z-]+?)-core\b/g, 'wz-pre-$1').replace(/\btaro_(router|page)/g, 'wzpre_$1')

/** Where the app's script tags were, kept verbatim in a comment so that a second run finds them again. */
const MOVED = { start: '<!--wz-moved-scripts ', end: ' /wz-moved-scripts-->' }

/** index.html without an earlier prerender (the script may run twice on one build), its script tags back in place. */
const withoutPrerender = (html: string): string => html
  .replace(new RegExp(`${START}[\\s\\S]*?${END}`, 'g'), '')
  .replace(new RegExp(`${MOVED.start}([\\s\\S]*?)${MOVED.end}`, 'g'), '$1')

/** Runs in the page: the start page's markup and every CSS rule that applies to it or to its ancestors. */
function snapshotInPage(): Omit<Snapshot, 'catalogue'> {
  const page = document.querySelector('#app .taro_page') as HTMLElement
  const inScope = (el: Element) => el.contains(page) || page.contains(el)
  /** A selector applies when some element in scope matches it without its pseudo-classes and pseudo-elements. */
  const applies = (selectorText: string) => selectorText.split(',').some((part) => {
    const bare = part.replace(/::?[a-z-]+(\((?:[^()]|\([^()]*\))*\))?/gi, '').trim()
    if (!bare || /[>+~]$/.test(bare)) return true
    try {
      return [...document.querySelectorAll(bare)].some(inScope)
    } catch {
      return false
    }
  })
  const used = (rules: CSSRuleList): string[] => [...rules].flatMap((rule) => {
    if (rule instanceof CSSStyleRule) return applies(rule.selectorText) ? [rule.cssText] : []
    if (rule instanceof CSSMediaRule || rule instanceof CSSSupportsRule) {
      const inner = used(rule.cssRules)
      return inner.length ? [`@${rule instanceof CSSMediaRule ? 'media' : 'supports'} ${rule.conditionText}{${inner.join('')}}`] : []
    }
    return []
  })
  const css = [...document.styleSheets].flatMap((sheet) => used(sheet.cssRules))
  const copy = document.querySelector('#app')?.cloneNode(true) as HTMLElement
  copy.querySelectorAll('[id]').forEach((el) => el.removeAttribute('id'))
  copy.querySelectorAll('[tabindex]').forEach((el) => el.removeAttribute('tabindex'))
  copy.removeAttribute('id')
  return { markup: copy.outerHTML.replace(/<!--[\s\S]*?-->/g, ''), css }
}

async function snapshot(url: string): Promise<Omit<Snapshot, 'catalogue'>> {
  const browser = await chromium.launch({
    executablePath: chromiumPath, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-dev-shm-usage'],
  })
  try {
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
    const page = await ctx.newPage()
    // tsx compiles this file with esbuild's keepNames: the function evaluated in the page calls its __name helper
    await page.addInitScript('window.__name = (f) => f')
    await page.goto(url, { waitUntil: 'networkidle' })
    await page.locator('#app .service-card').first().waitFor({ timeout: 60_000 })
    return await page.evaluate(snapshotInPage)
  } finally {
    await browser.close()
  }
}

/** The app's scripts, in document order: Taro's template puts them in <head>, deferred. */
const SCRIPT_TAG = /<script defer(?:="defer")? src="([^"]+)"><\/script>/g

/**
 * An inline script asking for the app's scripts, in order: once the overlay is on screen, at once without an overlay
 * or in a hidden tab (which paints no frames), and after a second whatever happens; not at all when the loader in
 * <head> has asked for a page's landing bundle, which holds them (config/route-chunks-plugin.ts).
 *
 * "On screen" is the browser's first-contentful-paint entry where it has paint timing, else two frames on. A timeout queued
 * from the frame that draws the overlay (requestAnimationFrame) ran before that frame reached the screen: the
 * scripts were asked for first, and on a fast network they could arrive before the page's first paint, which then
 * counted as waiting for them (Lighthouse's start page LCP 0.65 s or 1.28 s by chance).
 */
export function scriptLoader(sources: string[]): string {
  return `(function(){var s=${JSON.stringify(sources)},d=false;function l(){if(d||window.${LANDING_FLAG})return;d=true;` +
    'for(var i=0;i<s.length;i++){var e=document.createElement("script");e.src=s[i];e.async=false;document.head.appendChild(e)}}' +
    `if(!document.getElementById('${PRERENDER.overlayId}')||document.visibilityState==='hidden')l();` +
    'else{var t=window.PerformanceObserver&&PerformanceObserver.supportedEntryTypes;' +
    'if(t&&t.indexOf("paint")>=0)new PerformanceObserver(function(q,o){if(q.getEntriesByName("first-contentful-paint").length){o.disconnect();setTimeout(l,0)}}).observe({type:"paint",buffered:true});' +
    'else requestAnimationFrame(function(){requestAnimationFrame(function(){setTimeout(l,0)})});setTimeout(l,1000)}})()'
}

/**
 * Runs in index.html: a tap on one of the overlay's buttons or links is kept as its place among them and its text
 * (the app's start page, drawn the same, has the same), for handOverFromPrerendered (src/features/start) to make.
 */
const keepTap = `(function(){var o=document.getElementById('${PRERENDER.overlayId}'),q=${JSON.stringify(PRERENDER.tappable)};if(!o)return;` +
  'o.addEventListener("click",function(e){var t=e.target.closest&&e.target.closest(q);if(!t||!o.contains(t))return;' +
  'var p=o.querySelector("[data-wz-pressed]");p&&p.removeAttribute("data-wz-pressed");t.setAttribute("data-wz-pressed","");' +
  `window.${PRERENDER.pendingTap}={index:[].indexOf.call(o.querySelectorAll(q),t),text:t.textContent}})})()`

/** The block written into index.html's body, before #app. */
function prerenderBlock(s: Snapshot): string {
  const css = renamed(s.css.join('\n'))
  // the overlay takes the taps until it goes (keepTap); a kept tap shows pressed
  const overlay = `#${PRERENDER.overlayId}{position:fixed;inset:0;z-index:1000;overflow:hidden}` +
    `#${PRERENDER.overlayId} [data-wz-pressed]{opacity:.6}`
  // The overlay goes before it is painted when the address is not the start page (a link to another page, a
  // reload elsewhere) or when stored state would make the start page look different (signed in, a draft, large text).
  const keepOnlyOnStart = `(function(){var h=location.hash.replace(/^#\\/?/,'').split('?')[0],k=${JSON.stringify(PRERENDER.personalKeys)},p=false;` +
    'try{for(var i=0;i<k.length;i++)p=p||localStorage.getItem(k[i])!==null||sessionStorage.getItem(k[i])!==null}catch(e){p=true}' +
    `if(p||(h&&h!==${JSON.stringify(PRERENDER.page)})){var o=document.getElementById('${PRERENDER.overlayId}');o&&o.remove()}})()`
  return [
    START,
    `<style>${overlay}\n${css}</style>`,
    `<div id="${PRERENDER.overlayId}" aria-hidden="true">${renamed(s.markup)}</div>`,
    `<script>${keepOnlyOnStart}</script>`,
    `<script>${keepTap}</script>`,
    `<script type="application/json" id="${PRERENDER.catalogueId}">${s.catalogue.replace(/</g, '\\u003c')}</script>`,
    END,
  ].join('')
}

async function main(): Promise<void> {
  if (!fs.existsSync(indexFile)) throw new Error(`no H5 build at ${staticDir}: run taro build --type h5 first`)
  if (!fs.existsSync(chromiumPath)) {
    // the app works without it, only its first paint waits for the scripts
    process.stderr.write(`warning: start page not prerendered: no Chromium at ${chromiumPath} (apt-get install -y chromium, or set CHROMIUM_PATH)\n`)
    return
  }
  const original = withoutPrerender(fs.readFileSync(indexFile, 'utf8'))
  fs.writeFileSync(indexFile, original)
  for (const ext of ['.br', '.gz']) fs.rmSync(indexFile + ext, { force: true })
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wz-prerender-'))
  const { app } = await buildServer({
    dbFile: ':memory:', staticDir, calendarOverrideFile: path.join(dataDir, 'none.json'), logLevel: 'silent', uploadsDir: path.join(dataDir, 'uploads'),
  })
  try {
    const address = await app.listen({ host: '127.0.0.1', port: 0 })
    const services = await app.inject({ url: '/api/services' })
    if (services.statusCode !== 200) throw new Error(`GET /api/services answered ${services.statusCode}`)
    const scripts = [...original.matchAll(SCRIPT_TAG)].map((m) => m[1])
    if (!scripts.length) throw new Error('index.html names none of the app\'s scripts (<script defer src=…>)')
    const s = { ...await snapshot(`${address}/`), catalogue: JSON.stringify((services.json() as { data: unknown }).data) }
    // the loader at the end of <body>, after #app, which the app mounts into
    const html = original.replace(SCRIPT_TAG, (tag) => `${MOVED.start}${tag}${MOVED.end}`)
      .replace('<body>', `<body>${prerenderBlock(s)}`).replace('</body>', `${START}<script>${scriptLoader(scripts)}</script>${END}</body>`)
    if (!html.includes(prerenderBlock(s)) || !html.includes(scriptLoader(scripts))) throw new Error('index.html has no <body> to prerender into')
    fs.writeFileSync(indexFile, html)
    // ready-made compressed copies, as the build writes for every asset (config/precompress-plugin.ts)
    fs.writeFileSync(`${indexFile}.br`, zlib.brotliCompressSync(html, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }))
    fs.writeFileSync(`${indexFile}.gz`, zlib.gzipSync(html, { level: 9 }))
    process.stdout.write(`prerendered the start page into ${path.relative(root, indexFile)}: ${(Buffer.byteLength(html) / 1024).toFixed(1)} KB ` +
      `(${s.css.length} CSS rules)\n`)
  } finally {
    await app.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`prerendering the start page failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`)
    process.exit(1)
  })
}
