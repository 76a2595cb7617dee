// H5: the read a page opened directly (a link, a reload) cannot draw without, started by index.html itself before
// the app's scripts have arrived, so the answer is there when the page asks (early-read.h5.ts hands it over).
// Build time only: config/prerender-start.ts writes earlyReadsScript() into index.html.
import { ROUTES } from '../../contract/routes'

interface EarlyRead {
  /** the API path, with one :parameter taken from the page's query of the same name */
  path: string
  param: string
  /** a query parameter that makes the page read something else (the detail of a looked-up case) */
  unless?: string
}

/** By page path. Signed-in reads only: without a session nothing is started. */
export const EARLY_READS: Record<string, EarlyRead> = {
  'packages/track/pages/detail/index': { path: ROUTES.applicationDetail.path, param: 'number', unless: 'via' },
}

/** where index.html leaves the started reads, by API path */
export const EARLY_READS_GLOBAL = '__wzEarlyReads'

/**
 * The inline script: for the page in the address, the read with the stored session's token (the session store's
 * 'wz-session' entry, as Taro's H5 storage writes it), its answer's envelope kept as a promise (null when it
 * failed: the app then asks itself, renewing the session if need be). ES5, and nothing where fetch is missing.
 */
export function earlyReadsScript(): string {
  return `(function(){try{var r=${JSON.stringify(EARLY_READS)},h=location.hash.replace(/^#\\/?/,'').split('?'),e=r[h[0]],q={};` +
    'if(!e||typeof fetch!=="function")return;' +
    '(h[1]||"").split("&").forEach(function(p){var i=p.indexOf("=");if(i>0)q[decodeURIComponent(p.slice(0,i))]=decodeURIComponent(p.slice(i+1))});' +
    'if(!q[e.param]||(e.unless&&e.unless in q))return;' +
    'var s=JSON.parse(JSON.parse(localStorage.getItem("wz-session")).data).state.session;if(!s||!s.token)return;' +
    'var u=e.path.replace(":"+e.param,encodeURIComponent(q[e.param])),w=window[' + JSON.stringify(EARLY_READS_GLOBAL) + ']={};' +
    'w[u]=fetch(u,{headers:{authorization:"Bearer "+s.token}}).then(function(x){return x.status===200?x.json():null})["catch"](function(){return null})' +
    '}catch(x){}})()'
}
