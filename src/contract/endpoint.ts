import type { z } from 'zod'
import type { ErrorCode } from './errors'

/** 'signed': server-to-server, HMAC-signed headers checked by the handler (no session). */
export type Auth = 'none' | 'applicant' | 'staff' | 'signed'

/** One API operation: the single description the server, the app's types and the OpenAPI document share. */
export interface Endpoint {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  /** Fastify-style path, e.g. /api/applications/:number */
  path: string
  summary: string
  auth: Auth
  params?: z.ZodObject
  query?: z.ZodObject
  body?: z.ZodType
  response: z.ZodType
  /** Error codes this operation can answer besides VALIDATION_FAILED and INTERNAL. */
  errors: readonly ErrorCode[]
  /** Served outside the envelope (e.g. /healthz, /openapi.json). */
  raw?: boolean
  /** multipart/form-data upload (field `file`) instead of a JSON body */
  multipart?: boolean
}

export function endpoint<const E extends Endpoint>(e: E): E {
  return e
}

/** What any request to a route with this `auth` can be refused with: no, a bad or an expired session, or the other kind's. */
const SESSION_ERRORS: Record<Auth, readonly ErrorCode[]> = {
  none: [],
  signed: [],
  applicant: ['UNAUTHENTICATED', 'SESSION_EXPIRED', 'FORBIDDEN'],
  staff: ['UNAUTHENTICATED', 'SESSION_EXPIRED', 'FORBIDDEN'],
}

/**
 * Every error code an operation documents: its session refusals (from `auth`), its own `errors`, and the two
 * any request can meet (VALIDATION_FAILED, INTERNAL). The OpenAPI document and the fuzz tests read this.
 */
export function documentedErrors(e: Pick<Endpoint, 'auth' | 'errors'>): ErrorCode[] {
  return [...new Set<ErrorCode>(['VALIDATION_FAILED', ...SESSION_ERRORS[e.auth], ...e.errors, 'INTERNAL'])]
}
