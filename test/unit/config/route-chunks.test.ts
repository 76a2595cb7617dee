import vm from 'node:vm'
import { inlineStylesheets, LANDING_FLAG, pageSlug, routeChunkLoader, type EarlyLoad } from '../../../config/route-chunks-plugin'

interface Added { tag: string; rel?: string; as?: string; href?: string; src?: string; async?: boolean; onerror?: () => void }

const PAGES = new Map([
  ['packages/track/pages/detail/index', ['chunk/1.js', 'css/1.css', 'chunk/shared.js']],
  ['packages/apply/pages/service/index', ['chunk/2.js', 'chunk/shared.js']],
])
const ENTRY = ['js/vendors.js', 'js/app.js']

/** Runs the loader as index.html's <head> would, at `hash`, and returns the elements it put there and the window. */
function run(hash: string, build: Partial<EarlyLoad> = {}, tarosTags = false) {
  const added: Added[] = []
  const window: Record<string, unknown> = {}
  const document = {
    createElement: (tag: string) => ({ tag }) as Added,
    head: { appendChild: (e: Added) => added.push(e) },
    querySelector: (selector: string) => (tarosTags && selector === 'script[src="/js/app.js"]' ? {} : null),
  }
  const load: EarlyLoad = { pages: PAGES, entry: ENTRY, landing: new Map(), publicPath: '/', ...build }
  vm.runInNewContext(routeChunkLoader(load), { document, location: { hash }, window })
  return { added, window }
}

const LANDING = new Map([['packages/track/pages/detail/index', 'js/landing-track-detail.abc.js']])

describe('the early loader in index.html\'s <head>', () => {
  it('should ask for the open page\'s scripts and preload its stylesheets, not link them, when there is no landing bundle', () => {
    // a linked stylesheet is one webpack's runtime takes as loaded: the page would draw before its rules arrive
    expect(run('#/packages/track/pages/detail/index?number=WZ1').added).toEqual([
      { tag: 'script', src: '/chunk/1.js', async: true },
      { tag: 'link', rel: 'preload', as: 'style', href: '/css/1.css' },
      { tag: 'script', src: '/chunk/shared.js', async: true },
    ])
  })

  it('should ask for the page\'s landing bundle first, in place of the entry and the chunk scripts, and say so', () => {
    const { added, window } = run('#/packages/track/pages/detail/index?number=WZ1', { landing: LANDING })
    expect(added.map(({ onerror: _, ...e }) => e)).toEqual([
      { tag: 'script', src: '/js/landing-track-detail.abc.js', async: false },
      { tag: 'link', rel: 'preload', as: 'style', href: '/css/1.css' },
    ])
    expect(window[LANDING_FLAG]).toBe(true)
  })

  it('should fall back to the separate scripts, entry first and in order, when the landing bundle fails to load', () => {
    const { added } = run('#/packages/track/pages/detail/index?number=WZ1', { landing: LANDING })
    added[0].onerror?.()
    expect(added.slice(2)).toEqual([
      { tag: 'script', src: '/js/vendors.js', async: false },
      { tag: 'script', src: '/js/app.js', async: false },
      { tag: 'script', src: '/chunk/1.js', async: true },
      { tag: 'script', src: '/chunk/shared.js', async: true },
    ])
  })

  it('should leave the entry to Taro\'s own script tags when they are still in the page (no landing bundle)', () => {
    const { added, window } = run('#/packages/track/pages/detail/index', { landing: LANDING }, true)
    expect(added.map((e) => e.src ?? e.href)).toEqual(['/chunk/1.js', '/css/1.css', '/chunk/shared.js'])
    expect(window[LANDING_FLAG]).toBeUndefined()
  })

  it('should ask for nothing on the start page or an unknown page', () => {
    expect(run('', { landing: LANDING }).added).toEqual([])
    expect(run('#/pages/nowhere/index', { landing: LANDING }).added).toEqual([])
  })
})

describe('the build\'s helpers for index.html', () => {
  it('should name a landing bundle after its page', () => {
    expect(pageSlug('packages/track/pages/detail/index')).toBe('track-detail')
    expect(pageSlug('pages/index/index')).toBe('index')
  })

  it('should write a linked stylesheet inline, and refuse one index.html does not link', () => {
    const html = '<head><link href="/css/app.1.css" rel="stylesheet"></head>'
    expect(inlineStylesheets(html, new Map([['/css/app.1.css', 'a{color:red}</style>']]))).toBe('<head><style>a{color:red}<\\/style></style></head>')
    expect(() => inlineStylesheets(html, new Map([['/css/other.css', '']]))).toThrow('does not link /css/other.css')
  })
})
