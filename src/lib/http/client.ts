import axios, { type AxiosError, type AxiosInstance } from 'axios'
import { ROUTES, type RouteId } from '@/contract/routes'
import type { EndpointId, ResponseOf, BodyOf, QueryOf, ParamsOf, ErrorEnvelope, OkEnvelope } from '@/contract'
import { ApiError } from './api-error'
import { DEFAULT_API_BASE } from './api-base'
import { platformAdapter } from './platform-adapter'

/**
 * How the client gets the session token and renews it; set by the session store, so this module imports no
 * store. `refresh` resolves true when a new token is in place.
 */
export interface SessionHooks {
  token: () => string | undefined
  refresh: () => Promise<boolean>
}
let hooks: SessionHooks = { token: () => undefined, refresh: async () => false }
export function setSessionHooks(h: SessionHooks): void {
  hooks = h
}
export const currentToken = () => hooks.token()
export const refreshSession = () => hooks.refresh()

function isEnvelope(x: unknown): x is OkEnvelope<unknown> | ErrorEnvelope {
  return typeof x === 'object' && x !== null && 'code' in x && 'msg' in x
}

export function createHttp(baseURL: string): AxiosInstance {
  const instance = axios.create({ baseURL, timeout: 15000, headers: { 'content-type': 'application/json' }, adapter: platformAdapter })
  instance.interceptors.request.use((config) => {
    // A request that carries its own credentials (staff pages) keeps them.
    const token = hooks.token()
    if (token && !config.headers.has('authorization')) config.headers.set('authorization', `Bearer ${token}`)
    return config
  })
  instance.interceptors.response.use(
    (res) => {
      if (!isEnvelope(res.data)) throw ApiError.client('BAD_RESPONSE')
      if (res.data.code !== '00') throw new ApiError(res.data.code, res.data.msg, (res.data as ErrorEnvelope).errors, res.status)
      return res
    },
    async (err: AxiosError) => {
      const body = err.response?.data
      if (isEnvelope(body) && body.code !== '00') {
        // An expired access token is renewed once, then the request is sent again.
        const config = err.config as (typeof err.config & { _retried?: boolean }) | undefined
        const ownToken = config?.headers?.get('authorization') === `Bearer ${hooks.token()}`
        if (body.code === 'SESSION_EXPIRED' && config && ownToken && !config._retried && !config.url?.includes('/auth/refresh') && (await hooks.refresh())) {
          config._retried = true
          config.headers.delete('authorization') // the request interceptor puts the new token in
          return instance.request(config)
        }
        throw new ApiError(body.code, body.msg, (body as ErrorEnvelope).errors, err.response?.status ?? 0)
      }
      if (err.code === 'ECONNABORTED' || err.code === 'ETIMEDOUT') throw ApiError.client('TIMEOUT')
      if (!err.response) throw ApiError.client('NETWORK')
      throw new ApiError('INTERNAL', '服务暂时不可用，请稍后重试', [], err.response.status)
    },
  )
  return instance
}

export const http = createHttp(process.env.TARO_APP_API_BASE || DEFAULT_API_BASE)

type Input<K extends EndpointId> = {
  params?: ParamsOf<K>
  query?: QueryOf<K>
  body?: BodyOf<K>
  headers?: Record<string, string>
}

/** Calls one contract operation and returns its unwrapped data, typed from the contract. */
export async function callApi<K extends EndpointId & RouteId>(id: K, input: Input<K> = {}, client = http): Promise<ResponseOf<K>> {
  const route = ROUTES[id]
  const params = (input.params ?? {}) as Record<string, string>
  const url = route.path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(String(params[name])))
  const res = await client.request<OkEnvelope<ResponseOf<K>>>({
    method: route.method, url, params: input.query, data: input.body, headers: input.headers,
  })
  return res.data.data
}
