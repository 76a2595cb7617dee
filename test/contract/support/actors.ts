// The six callers of the OWASP object-level checks, and one raw HTTP call that answers status and envelope for
// any route of src/contract/routes.ts (JSON bodies, raw files and CSV alike).
import { ROUTES, type RouteId } from '../../../src/contract/routes'
import type { InProcess } from './in-process'

/**
 * The object's owner, another applicant, staff of the owning enterprise (国网万州), of the other (三峡水利), the
 * district's oversight (区经信委: aggregates only, no case), nobody.
 */
export const ACTORS = ['owner', 'other', 'gwStaff', 'sxStaff', 'gasStaff', 'district', 'anonymous'] as const
export type Actor = (typeof ACTORS)[number]

export interface Call {
  params?: Record<string, string>
  query?: Record<string, string>
  body?: unknown
  headers?: Record<string, string>
}

export interface Answer {
  status: number
  /** the parsed envelope, or the raw text when the answer is a file or CSV */
  body: unknown
}

/** 'ok' for a 200, else the envelope's error code. */
export const outcomeOf = (a: Answer): string => (a.status === 200 ? 'ok' : String((a.body as { code?: string }).code ?? a.status))

/** Calls one route as it is listed in ROUTES, with a bearer token when given. */
export async function callRoute(s: InProcess, id: RouteId, call: Call, token?: string): Promise<Answer> {
  const route = ROUTES[id]
  const path = route.path.replace(/:(\w+)/g, (_m, name: string) => encodeURIComponent(call.params?.[name] ?? ''))
  const query = call.query ? `?${new URLSearchParams(call.query)}` : ''
  const headers: Record<string, string> = { ...(token ? { authorization: `Bearer ${token}` } : {}), ...call.headers }
  const hasBody = route.method !== 'GET'
  if (hasBody && !headers['content-type']) headers['content-type'] = 'application/json'
  const body = hasBody ? (typeof call.body === 'string' ? call.body : JSON.stringify(call.body ?? {})) : undefined
  const res = await fetch(`${s.url}${path}${query}`, { method: route.method, headers, body })
  const text = await res.text()
  const json = (res.headers.get('content-type') ?? '').includes('application/json')
  return { status: res.status, body: json ? JSON.parse(text) : text }
}
