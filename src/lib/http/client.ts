import axios, { type AxiosError, type AxiosInstance } from 'axios'
import { ROUTES, type RouteId } from '@/contract/routes'
import type { EndpointId, ResponseOf, BodyOf, QueryOf, ParamsOf, ErrorEnvelope, OkEnvelope } from '@/contract'
import { ApiError } from './api-error'
import { DEFAULT_API_BASE } from './api-base'

/** Where the session token comes from; set by the session store so this module has no store import. */
let tokenSource: () => string | undefined = () => undefined
export function setTokenSource(source: () => string | undefined): void {
  tokenSource = source
}

function isEnvelope(x: unknown): x is OkEnvelope<unknown> | ErrorEnvelope {
  return typeof x === 'object' && x !== null && 'code' in x && 'msg' in x
}

export function createHttp(baseURL: string): AxiosInstance {
  const http = axios.create({ baseURL, timeout: 15000, headers: { 'content-type': 'application/json' } })
  http.interceptors.request.use((config) => {
    const token = tokenSource()
    if (token) config.headers.set('authorization', `Bearer ${token}`)
    return config
  })
  http.interceptors.response.use(
    (res) => {
      if (!isEnvelope(res.data)) throw ApiError.client('BAD_RESPONSE')
      if (res.data.code !== '00') throw new ApiError(res.data.code, res.data.msg, (res.data as ErrorEnvelope).errors, res.status)
      return res
    },
    (err: AxiosError) => {
      const body = err.response?.data
      if (isEnvelope(body) && body.code !== '00') {
        throw new ApiError(body.code, body.msg, (body as ErrorEnvelope).errors, err.response?.status ?? 0)
      }
      if (err.code === 'ECONNABORTED' || err.code === 'ETIMEDOUT') throw ApiError.client('TIMEOUT')
      if (!err.response) throw ApiError.client('NETWORK')
      throw new ApiError('INTERNAL', '服务暂时不可用，请稍后重试', [], err.response.status)
    },
  )
  return http
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
