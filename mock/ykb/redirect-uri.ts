/**
 * Open-redirect protection for the mock 渝快办 consent page: the code may only go back to this server,
 * as a relative path ('/…', never '//…' or '/\…', which browsers read as another host) or an http(s) URL
 * whose host is the request's own Host header.
 */
export function isAllowedRedirect(uri: string, host: string | undefined): boolean {
  if (uri.length === 0 || uri.length > 1000 || /[\s\\]/.test(uri)) return false
  if (uri.startsWith('/')) return !uri.startsWith('//')
  let url: URL
  try {
    url = new URL(uri)
  } catch {
    return false
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password && url.host === host
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
