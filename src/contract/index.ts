import type { z } from 'zod'
import type { Endpoint } from './endpoint'
import { systemEndpoints } from './system-endpoints'
import { journeyEndpoints } from './journey-endpoints'
import { progressEndpoints } from './progress-endpoints'
import { staffEndpoints } from './staff-endpoints'
import { oversightEndpoints } from './oversight-endpoints'
import { leadEndpoints } from './lead-endpoints'

/** The whole API, by operation id. Add a feature's endpoints here. */
export const endpoints = {
  ...systemEndpoints,
  ...journeyEndpoints,
  ...progressEndpoints,
  ...staffEndpoints,
  ...oversightEndpoints,
  ...leadEndpoints,
} satisfies Record<string, Endpoint>

export type Endpoints = typeof endpoints
export type EndpointId = keyof Endpoints
export type ResponseOf<K extends EndpointId> = z.infer<Endpoints[K]['response']>
export type BodyOf<K extends EndpointId> = Endpoints[K] extends { body: infer B extends z.ZodType } ? z.input<B> : never
export type QueryOf<K extends EndpointId> = Endpoints[K] extends { query: infer Q extends z.ZodType } ? z.input<Q> : never
export type ParamsOf<K extends EndpointId> = Endpoints[K] extends { params: infer P extends z.ZodType } ? z.input<P> : never

export * from './errors'
export type { FieldError, ErrorEnvelope, OkEnvelope } from './envelope'
export type { Endpoint, Auth } from './endpoint'
