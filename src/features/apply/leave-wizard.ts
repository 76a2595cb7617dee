import Taro from '@tarojs/taro'

const HOME = 'pages/index/index'
const routeOf = (page: { route?: string; path?: string }) => (page.route ?? page.path ?? '').replace(/^\//, '').replace(/\?.*$/, '')

/** Where home goes on as soon as it shows again. */
let pending: string | null = null

/**
 * Leaves the journey for `url` (the result page after submitting) so that back leads home, never into the
 * wizard: the pages between home and here are closed (all of them, with a fresh home, when the journey was not
 * entered from home), and home opens `url` once it shows (`openPendingFromHome`). Opening it from here at once
 * raced the H5 router still closing pages, which left the new page hidden.
 */
export function leaveWizardFor(url: string): void {
  pending = url
  const pages = Taro.getCurrentPages()
  if (pages.length > 1 && routeOf(pages[0]) === HOME) void Taro.navigateBack({ delta: pages.length - 1 })
  else void Taro.reLaunch({ url: `/${HOME}` })
}

/** Called by home each time it shows: opens the page a journey left for, once. */
export function openPendingFromHome(): void {
  if (!pending) return
  const url = pending
  pending = null
  void Taro.navigateTo({ url })
}

/** Home, with nothing left on the stack. */
export const goHome = (): void => void Taro.reLaunch({ url: `/${HOME}` })
