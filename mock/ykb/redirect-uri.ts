/** Printable ASCII but space and backslash: anything else (a full-width ／, a control) is not a URI we send back. */
const PLAIN_URI = /^[\x21-\x5b\x5d-\x7e]+$/

/**
 * Open-redirect protection for the mock 渝快办 consent page: the code may only go back to this service's public
 * origin (configured, never the request's Host header), as a relative path ('/…', never '//…', which browsers
 * read as another host) or an http(s) URL on that origin. Anything malformed is refused, never thrown on.
 */
export function isAllowedRedirect(uri: string, publicOrigin: string): boolean {
  if (uri.length === 0 || uri.length > 1000 || !PLAIN_URI.test(uri)) return false
  const relative = uri.startsWith('/') && !uri.startsWith('//')
  if (!relative && !/^https?:\/\//i.test(uri)) return false
  let url: URL
  try {
    url = new URL(uri, publicOrigin)
  } catch {
    return false
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password && url.origin === publicOrigin
}

/**
 * Adds query parameters to a redirect URI. With a hash router ('/#/pages/x/index') they go at the end of
 * the hash part, where the app's router reads them; otherwise into the query string.
 */
export function withParams(uri: string, params: Record<string, string>): string {
  const query = new URLSearchParams(params).toString()
  const hashAt = uri.indexOf('#')
  const [base, hash] = hashAt >= 0 ? [uri.slice(0, hashAt), uri.slice(hashAt)] : [uri, '']
  if (hash) return `${base}${hash}${hash.includes('?') ? '&' : '?'}${query}`
  return `${base}${base.includes('?') ? '&' : '?'}${query}`
}
