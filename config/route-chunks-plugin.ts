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

/**
 * An inline script for index.html that asks at once for the chunks of the page in the address (hash router), just
 * after the app's own scripts (which must come first: the browser opens six connections to the server, and vendors
 * is the largest download): the router would ask for them only once vendors and app have arrived and run, a second
 * round trip before the page can draw. A chunk script that arrives first queues itself on webpack's chunk array,
 * which the runtime reads when it starts. A stylesheet is preloaded, not linked: the runtime takes a stylesheet
 * already linked as loaded and would draw the page before its rules arrive (the detail page's cards then moved by
 * 0.21 CLS); it links the preloaded one itself, from the cache, and waits for it. No page in the hash (the start
 * page, prerendered into index.html) asks for nothing early.
 */
export function routeChunkLoader(pages: Map<string, string[]>, publicPath: string): string {
  const files = [...new Set([...pages.values()].flat())]
  const byPage = Object.fromEntries([...pages].map(([page, own]) => [page, own.map((f) => files.indexOf(f))]))
  return `(function(){var f=${JSON.stringify(files)},p=${JSON.stringify(byPage)},` +
    'n=p[location.hash.replace(/^#\\/?/,"").split("?")[0]];if(!n)return;' +
    `for(var i=0;i<n.length;i++){var u=${JSON.stringify(publicPath)}+f[n[i]],e;` +
    'if(/\\.css$/.test(u)){e=document.createElement("link");e.rel="preload";e.as="style";e.href=u}' +
    'else{e=document.createElement("script");e.src=u;e.async=true}document.head.appendChild(e)}})()'
}

/**
 * Marks the loader in index.html: what asks for the app's own scripts and the open page's data goes before it
 * (config/prerender-start.ts).
 */
export const ROUTE_CHUNKS_MARK = '<!--wz-route-chunks-->'

/** Writes routeChunkLoader into the built index.html, at the end of its body, once the chunks' names are final. */
export class RouteChunksPlugin {
  apply(compiler: Compiler): void {
    const { Compilation: Stages, sources } = compiler.webpack
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      // after the real content hashes (which rename chunks), before the compressed copies are made
      compilation.hooks.processAssets.tap({ name: NAME, stage: Stages.PROCESS_ASSETS_STAGE_OPTIMIZE_HASH + 1 }, (assets) => {
        const html = assets['index.html']?.source().toString()
        if (!html?.includes('</body>')) return
        const publicPath = String(compilation.outputOptions.publicPath ?? '/')
        const script = `${ROUTE_CHUNKS_MARK}<script>${routeChunkLoader(pageChunkFiles(compilation), publicPath)}</script>`
        compilation.updateAsset('index.html', new sources.RawSource(html.replace('</body>', `${script}</body>`)))
      })
    })
  }
}
