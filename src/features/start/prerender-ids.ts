/**
 * Names shared by the build step that prerenders the start page into index.html (config/prerender-start.ts) and
 * the app that takes over from it (prerendered.h5.ts).
 */
export const PRERENDER = {
  /** the overlay holding the prerendered start page, above #app until the app's own start page is on screen */
  overlayId: 'wz-prerendered',
  /** the page prerendered: the app's first page */
  page: 'pages/index/index',
  /** the service catalogue the prerendered page shows, as JSON, for the app's first render */
  catalogueId: 'wz-prerendered-catalogue',
  /** stored state the prerendered page cannot show (signed in, a draft, large text): with any of it, no overlay */
  personalKeys: ['wz-session', 'wz-draft', 'wz-a11y'],
  /**
   * what can be tapped on the start page: a tap on its copy in the overlay is kept and made on the app's own. Taro's
   * buttons by their class too: keyboard access gives them role=button once it is installed, which can be after the
   * start page takes over, and a button missing from the app's list moved every later one (a kept tap on 工作人员入口
   * was then dropped as the wrong control). In the overlay they have their role and a renamed class.
   */
  tappable: '[role=button],[role=link],[role=switch],[role=checkbox],.taro-button-core',
  /** where index.html keeps that tap (a global: the app's scripts have not run yet) */
  pendingTap: '__wzPrerenderedTap',
} as const
