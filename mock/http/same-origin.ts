import type { FastifyRequest } from 'fastify'

/**
 * Whether a form post came from another site: a browser names the page's origin in `Origin` (and, in current
 * browsers, its relation in `Sec-Fetch-Site`) on every cross-origin POST. A post carrying neither is not from a
 * browser page, so nobody's session or click is being borrowed.
 */
export function isCrossSitePost(req: FastifyRequest, publicOrigin: string): boolean {
  const origin = req.headers.origin
  if (origin !== undefined && origin !== publicOrigin) return true
  const site = req.headers['sec-fetch-site']
  return site !== undefined && site !== 'same-origin' && site !== 'none'
}
