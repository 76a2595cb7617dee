import crypto from 'node:crypto'

/**
 * SHA-256 of a short string (a bearer token, a case's version), in one call: crypto.hash (Node ≥ 20.12) skips the
 * Hash object that createHash builds and drops, a third of the cost on every authenticated request. Older Node 20s
 * take createHash.
 */
export const sha256 = (data: string, encoding: 'hex' | 'base64url'): string =>
  typeof crypto.hash === 'function' ? crypto.hash('sha256', data, encoding) : crypto.createHash('sha256').update(data).digest(encoding)
