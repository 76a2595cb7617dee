import type { Compilation, Compiler } from 'webpack'

const NAME = 'RouteChunksPlugin'
/** a page's import in the app's entry: `./pages/x/index` or `./packages/<root>/pages/x/index` */
const PAGE_REQUEST = /^\.\/((?:packages\/[^/]+\/)?pages\/.+)$/

/** Each page's own chunks (scripts and stylesheets, not the entry's), by page path ('packages/track/pages/detail/index'). */
export function pageChunkFiles(compilation: Compilation): Map<string, string[]> {
  const pages = new Map<string, string[]>()
  for (const group of compilation.chunkGroups) {
    const files = group.chunks.filter((c) => !c.canBeInitial()).flatMap((c) => [...c.files]).filter((f) => /\.(js|css)$/.test(f))
    for (const origin of group.origins) {
      const page = origin.request?.match(PAGE_REQUEST)?.[1]
      if (page && files.length) pages.set(page, [...new Set([...(pages.get(page) ?? []), ...files])])
    }
  }
  return pages
}

/** Set by the loader when it asked for a landing bundle: the start page's loader (prerender-start) then asks for nothing. */
export const LANDING_FLAG = '__wzLanding'

/** What the loader in index.html knows of the build. */
export interface EarlyLoad {
  /** each page's own chunks (pageChunkFiles) */
  pages: Map<string, string[]>
  /** the app's entry scripts, in the order they run (vendors, then app with webpack's runtime) */
  entry: string[]
  /** a page's landing bundle: the entry and that page's chunk scripts in one file (production builds) */
  landing: Map<string, string>
  publicPath: string
}

/**
 * An inline script for index.html's <head> that asks at once for what the page in the address (hash router) needs,
 * instead of the router asking for it once vendors and app have arrived and run, a second round trip later.
 *
 * Opened on a page other than the start page (a link, a reload), the page's landing bundle: one request for the
 * entry and the page's chunks. On a slow network that is what the first paint waits for: at 1.6 Mbps and 150 ms
 * round trips, nine scripts on the browser's six connections arrived 0.15 s (选择业务) to 0.28 s (the case page)
 * later than the same bytes in one (Lighthouse's simulation, README). The separate files stay for the start page
 * and for every page the app goes to next; a landing bundle is only ever a first load. When it fails to load, the
 * separate files are asked for instead. When Taro's own script tags are still in the page (a development build, or
 * prerender-start not run), they load the entry and the bundle is not used.
 *
 * A chunk script that arrives first queues itself on webpack's chunk array, which the runtime reads when it starts;
 * in a landing bundle the chunks come before app.js for that reason. A stylesheet is preloaded, not linked: the
 * runtime takes a stylesheet already linked as loaded and would draw the page before its rules arrive (the detail
 * page's cards then moved by 0.21 CLS); it links the preloaded one itself, from the cache, and waits for it.
 * With no page in the hash (the start page, prerendered into index.html) it asks for nothing.
 */
export function routeChunkLoader({ pages, entry, landing, publicPath }: EarlyLoad): string {
  const files = [...new Set([...pages.values()].flat())]
  const byPage = Object.fromEntries([...pages].map(([page, own]) => [page, own.map((f) => files.indexOf(f))]))
  const at = (file: string) => publicPath + file
  return `(function(){var f=${JSON.stringify(files.map(at))},p=${JSON.stringify(byPage)},b=${JSON.stringify(entry.map(at))},` +
    `L=${JSON.stringify(Object.fromEntries([...landing].map(([page, file]) => [page, at(file)])))},` +
    'h=location.hash.replace(/^#\\/?/,"").split("?")[0],n=p[h],i,u;if(!n)return;' +
    'function add(u,a){var e=document.createElement("script");e.src=u;e.async=a;document.head.appendChild(e);return e}' +
    'function parts(){for(i=0;i<b.length;i++)add(b[i],false);for(i=0;i<n.length;i++)if(!/\\.css$/.test(f[n[i]]))add(f[n[i]],true)}' +
    `var x=L[h]&&!document.querySelector('script[src="'+b[b.length-1]+'"]');` +
    `if(x){window.${LANDING_FLAG}=true;add(L[h],false).onerror=parts}` +
    'for(i=0;i<n.length;i++){u=f[n[i]];if(/\\.css$/.test(u)){var e=document.createElement("link");e.rel="preload";e.as="style";e.href=u;document.head.appendChild(e)}' +
    'else if(!x)add(u,true)}})()'
}

/** `packages/track/pages/detail/index` → `track-detail` (a file name). */
export const pageSlug = (page: string): string =>
  page.replace(/^packages\//, '').replace(/\/pages\//, '-').replace(/^pages\//, '').replace(/\/index$/, '').replace(/[^a-z0-9-]+/gi, '-')

/** The app's stylesheet written into index.html: one request less before anything can paint (about 1 KB brotli). */
export function inlineStylesheets(html: string, stylesheets: Map<string, string>): string {
  let out = html
  for (const [href, css] of stylesheets) {
    const tag = `<link href="${href}" rel="stylesheet">`
    if (!out.includes(tag)) throw new Error(`index.html does not link ${href}`)
    out = out.replace(tag, () => `<style>${css.replace(/<\/style/gi, '<\\/style')}</style>`)
  }
  return out
}

/**
 * Writes routeChunkLoader into the built index.html's <head>, once the chunks' names are final, with a landing
 * bundle per page in production builds; and the entry's stylesheet inline.
 */
export class RouteChunksPlugin {
  apply(compiler: Compiler): void {
    const { Compilation: Stages, sources } = compiler.webpack
    const production = compiler.options.mode === 'production'
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      // after the real content hashes (which rename chunks), before the compressed copies are made
      compilation.hooks.processAssets.tap({ name: NAME, stage: Stages.PROCESS_ASSETS_STAGE_OPTIMIZE_HASH + 1 }, (assets) => {
        const html = assets['index.html']?.source().toString()
        if (!html?.includes('</head>')) return
        const publicPath = String(compilation.outputOptions.publicPath ?? '/')
        const entrypoint = compilation.entrypoints.get('app')
        if (!entrypoint) throw new Error(`${NAME}: no entry named app`)
        const entryFiles = entrypoint.getFiles()
        // vendors first, app.js (webpack's runtime and the entry) last
        const runtime = [...entrypoint.getEntrypointChunk().files].filter((f) => f.endsWith('.js'))
        const shared = entryFiles.filter((f) => f.endsWith('.js') && !runtime.includes(f))
        const entry = [...shared, ...runtime]
        const pages = pageChunkFiles(compilation)
        const text = (file: string) => compilation.getAsset(file)?.source.source().toString() ?? ''
        const landing = new Map<string, string>()
        if (production) {
          // read once for all the pages: vendors alone is 0.3 MB
          const [head, tail] = [shared.map(text), runtime.map(text)]
          for (const [page, own] of pages) {
            const bytes = [...head, ...own.filter((f) => f.endsWith('.js')).map(text), ...tail].join('\n;')
            const hash = compiler.webpack.util.createHash('sha256').update(bytes).digest('hex').slice(0, 10)
            const file = `js/landing-${pageSlug(page)}.${hash}.js`
            // already minified, part by part: terser (which also takes assets added later) is not to run again
            compilation.emitAsset(file, new sources.RawSource(bytes), { minimized: true })
            landing.set(page, file)
          }
        }
        const stylesheets = new Map(entryFiles.filter((f) => f.endsWith('.css')).map((f) => [publicPath + f, text(f)]))
        const script = `<script>${routeChunkLoader({ pages, entry, landing, publicPath })}</script>`
        compilation.updateAsset('index.html', new sources.RawSource(inlineStylesheets(html, stylesheets).replace('</head>', `${script}</head>`)))
      })
    })
  }
}
