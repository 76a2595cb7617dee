import type { FastifyRequest } from 'fastify'

/**
 * Whether a form post came from another site. Browsers say where a request comes from in `Sec-Fetch-Site`
 * (every current one); that decides. Without it (an older browser) `Origin` must be ours: our pages send
 * `Referrer-Policy: no-referrer`, under which a browser names the origin 'null', so such a browser is refused
 * too. A post carrying neither header is not from a browser page, so nobody's click is being borrowed.
 */
export function isCrossSitePost(req: FastifyRequest, publicOrigin: string): boolean {
  const site = req.headers['sec-fetch-site']
  if (site !== undefined) return site !== 'same-origin' && site !== 'none'
  const origin = req.headers.origin
  return origin !== undefined && origin !== publicOrigin
}
