import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'

/**
 * The origin users reach this server at (`PUBLIC_ORIGIN`, e.g. https://banli.example.gov.cn); when it is not
 * configured (the demo, tests), the address the server listens on. Never the request's Host header, which the
 * client chooses. Read on use: the listening address is known only once the server listens.
 */
export function publicOriginOf(app: FastifyInstance, configured: string | undefined): () => string {
  if (configured) {
    const origin = new URL(configured).origin
    return () => origin
  }
  return () => {
    const address = app.server.address() as AddressInfo | null
    if (!address || typeof address !== 'object') return 'http://127.0.0.1'
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address
    return `http://${host}:${address.port}`
  }
}
