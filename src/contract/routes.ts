/**
 * Method and path of every operation, free of zod so the app can import it at run time for a few bytes.
 * The endpoint descriptions (system-endpoints.ts, …) spread these in; nothing else spells a path.
 */
export const ROUTES = {
  health: { method: 'GET', path: '/healthz' },
  services: { method: 'GET', path: '/api/services' },
  calendar: { method: 'GET', path: '/api/calendar' },
  townships: { method: 'GET', path: '/api/townships' },
  loginWechat: { method: 'POST', path: '/api/auth/wechat' },
  loginYkb: { method: 'POST', path: '/api/auth/ykb' },
  refresh: { method: 'POST', path: '/api/auth/refresh' },
  logout: { method: 'POST', path: '/api/auth/logout' },
  me: { method: 'GET', path: '/api/me' },
  consent: { method: 'POST', path: '/api/me/consent' },
  licencesAuthorised: { method: 'POST', path: '/api/licences/authorised' },
  scanBegin: { method: 'POST', path: '/api/licences/scan' },
  scanStatus: { method: 'GET', path: '/api/licences/scan/:txnId' },
  upload: { method: 'POST', path: '/api/uploads' },
  ocrIdCard: { method: 'POST', path: '/api/ocr/idcard' },
  photoIdCard: { method: 'POST', path: '/api/licences/photo/id-card' },
  photoProperty: { method: 'POST', path: '/api/licences/photo/property' },
  draftGet: { method: 'GET', path: '/api/drafts/current' },
  draftSave: { method: 'PUT', path: '/api/drafts/current' },
  contractSummary: { method: 'POST', path: '/api/contract-summary' },
  submit: { method: 'POST', path: '/api/applications' },
  receipt: { method: 'GET', path: '/api/applications/:number/receipt' },
  myApplications: { method: 'GET', path: '/api/applications' },
  applicationDetail: { method: 'GET', path: '/api/applications/:number' },
  withdraw: { method: 'POST', path: '/api/applications/:number/withdraw' },
  supplement: { method: 'POST', path: '/api/applications/:number/supplements' },
  checkpointMaterials: { method: 'POST', path: '/api/applications/:number/checkpoint-materials' },
  rate: { method: 'POST', path: '/api/applications/:number/rating' },
  subscribe: { method: 'POST', path: '/api/applications/:number/subscriptions' },
  lookupCode: { method: 'POST', path: '/api/lookup/code' },
  lookup: { method: 'POST', path: '/api/lookup' },
  lookupRefresh: { method: 'GET', path: '/api/lookup/:number' },
  push: { method: 'POST', path: '/api/push/case-records' },
} as const

export type RouteId = keyof typeof ROUTES
