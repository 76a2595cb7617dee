import type { AxiosAdapter, InternalAxiosRequestConfig } from 'axios'
import { createHttp, setSessionHooks, callApi } from '../../../src/lib/http/client'
import { ApiError } from '../../../src/lib/http/api-error'

/** An axios adapter answering from a list, recording what was sent. */
function fakeServer(answers: ((c: InternalAxiosRequestConfig) => { status: number; data: unknown } | 'network')[]) {
  const seen: InternalAxiosRequestConfig[] = []
  /** the authorization header as it was when each request left (configs are reused on retry) */
  const auths: unknown[] = []
  const adapter: AxiosAdapter = async (config) => {
    seen.push(config)
    auths.push(config.headers.get('authorization'))
    const a = answers.shift()?.(config) ?? 'network'
    if (a === 'network') throw Object.assign(new Error('socket hang up'), { isAxiosError: true, config, code: 'ERR_NETWORK' })
    const res = { data: a.data, status: a.status, statusText: '', headers: {}, config }
    if (a.status >= 400) throw Object.assign(new Error(`HTTP ${a.status}`), { isAxiosError: true, config, response: res })
    return res
  }
  return { adapter, seen, auths }
}

const ok = (data: unknown) => () => ({ status: 200, data: { code: '00', msg: '成功', data } })
const fail = (status: number, code: string, errors?: unknown) => () => ({ status, data: { code, msg: `m-${code}`, data: null, errors } })

function client(answers: Parameters<typeof fakeServer>[0]) {
  const { adapter, seen, auths } = fakeServer(answers)
  const http = createHttp('http://api.test')
  http.defaults.adapter = adapter
  return { http, seen, auths }
}

afterEach(() => setSessionHooks({ token: () => undefined, refresh: async () => false }))

describe('the API client', () => {
  it('should unwrap the envelope and send the session token', async () => {
    setSessionHooks({ token: () => 'tok-1', refresh: async () => false })
    const { http, seen } = client([ok({ services: [] })])
    await expect(callApi('services', {}, http)).resolves.toEqual({ services: [] })
    expect(seen[0].headers.get('authorization')).toBe('Bearer tok-1')
    expect(seen[0].url).toBe('/api/services')
  })

  it('should fill path parameters, encoded', async () => {
    const { http, seen } = client([ok({})])
    await callApi('scanStatus', { params: { txnId: 'a/b' } }, http).catch(() => undefined)
    expect(seen[0].url).toBe('/api/licences/scan/a%2Fb')
  })

  it('should turn an error envelope into an ApiError with the field errors', async () => {
    const { http } = client([fail(400, 'VALIDATION_FAILED', [{ path: 'address.detail', message: '请填写详细地址' }])])
    const e = (await callApi('services', {}, http).catch((x: unknown) => x)) as ApiError
    expect(e).toBeInstanceOf(ApiError)
    expect(e.code).toBe('VALIDATION_FAILED')
    expect(e.status).toBe(400)
    expect(e.fieldMessage('address.detail')).toBe('请填写详细地址')
    expect(e.retryable).toBe(false)
  })

  it('should say the network is down, in Chinese, and allow a retry when there is no answer', async () => {
    const { http } = client(['network' as never])
    const e = (await callApi('services', {}, http).catch((x: unknown) => x)) as ApiError
    expect(e.code).toBe('NETWORK')
    expect(e.message).toBe('网络连接失败，请检查网络后重试')
    expect(e.retryable).toBe(true)
  })

  it('should refuse a body that is not an envelope', async () => {
    const { http } = client([() => ({ status: 200, data: '<html>proxy error</html>' })])
    await expect(callApi('services', {}, http)).rejects.toMatchObject({ code: 'BAD_RESPONSE' })
  })

  it('should renew an expired session once and repeat the request', async () => {
    let token = 'old'
    const refresh = jest.fn(async () => { token = 'new'; return true })
    setSessionHooks({ token: () => token, refresh })
    const { http, auths } = client([fail(401, 'SESSION_EXPIRED'), ok({ userId: 'u1' })])
    await expect(callApi('me', {}, http)).resolves.toEqual({ userId: 'u1' })
    expect(refresh).toHaveBeenCalledTimes(1)
    expect(auths).toEqual(['Bearer old', 'Bearer new'])
  })

  it('should keep a request\'s own credentials and never renew them with the applicant\'s session', async () => {
    const refresh = jest.fn(async () => true)
    setSessionHooks({ token: () => 'applicant', refresh })
    const { http, auths } = client([fail(401, 'SESSION_EXPIRED')])
    await expect(callApi('staffMe', { headers: { authorization: 'Bearer staff-1' } }, http)).rejects.toMatchObject({ code: 'SESSION_EXPIRED' })
    expect(auths).toEqual(['Bearer staff-1'])
    expect(refresh).not.toHaveBeenCalled()
  })

  it('should give up with SESSION_EXPIRED when the refresh fails', async () => {
    setSessionHooks({ token: () => 'old', refresh: async () => false })
    const { http } = client([fail(401, 'SESSION_EXPIRED')])
    await expect(callApi('me', {}, http)).rejects.toMatchObject({ code: 'SESSION_EXPIRED' })
  })
})
