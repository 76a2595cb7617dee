import vm from 'node:vm'
import { routeChunkLoader } from '../../../config/route-chunks-plugin'

interface Added { tag: string; rel?: string; as?: string; href?: string; src?: string; async?: boolean }

/** Runs the loader as index.html would, at `hash`, and returns the elements it put in <head>. */
function run(hash: string): Added[] {
  const added: Added[] = []
  const document = {
    createElement: (tag: string) => ({ tag }) as Added,
    head: { appendChild: (e: Added) => added.push(e) },
  }
  const pages = new Map([
    ['packages/track/pages/detail/index', ['chunk/1.js', 'css/1.css', 'chunk/shared.js']],
    ['packages/apply/pages/service/index', ['chunk/2.js', 'chunk/shared.js']],
  ])
  vm.runInNewContext(routeChunkLoader(pages, '/'), { document, location: { hash } })
  return added
}

describe('the early loader of a page\'s chunks (index.html)', () => {
  it('should ask for the open page\'s scripts and preload its stylesheets, not link them', () => {
    // a linked stylesheet is one webpack's runtime takes as loaded: the page would draw before its rules arrive
    expect(run('#/packages/track/pages/detail/index?number=WZ1')).toEqual([
      { tag: 'script', src: '/chunk/1.js', async: true },
      { tag: 'link', rel: 'preload', as: 'style', href: '/css/1.css' },
      { tag: 'script', src: '/chunk/shared.js', async: true },
    ])
  })

  it('should ask for nothing on the start page or an unknown page', () => {
    expect(run('')).toEqual([])
    expect(run('#/pages/nowhere/index')).toEqual([])
  })
})
