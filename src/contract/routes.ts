/**
 * Method and path of every operation, free of zod so the app can import it at run time for a few bytes.
 * The endpoint descriptions (system-endpoints.ts, …) spread these in; nothing else spells a path.
 */
export const ROUTES = {
  health: { method: 'GET', path: '/healthz' },
  services: { method: 'GET', path: '/api/services' },
  calendar: { method: 'GET', path: '/api/calendar' },
  townships: { method: 'GET', path: '/api/townships' },
} as const

export type RouteId = keyof typeof ROUTES
