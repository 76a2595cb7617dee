// The weapp HTTP adapter: axios over wx.request, every outcome settled once and no unhandled rejection.
import type { AxiosInstance } from 'axios'

type RequestOption = { url: string; method: string; header: Record<string, string>; data?: string; success: (r: unknown) => void; fail: (e: unknown) => void }
type Platform = { createHttp: (base: string) => AxiosInstance; options: RequestOption[] }

/** The app's client built with the weapp adapter over a fake wx.request that answers with `answer`. */
async function weappClient(answer: (o: RequestOption) => { ok: unknown } | { fail: string }): Promise<Platform> {
  jest.resetModules()
  const options: RequestOption[] = []
  const taro = (await import('@tarojs/taro')).default as unknown as Record<string, unknown>
  taro.request = (o: RequestOption) => {
    options.push(o)
    const a = answer(o)
    // like Taro: callbacks and a promise, the promise rejecting on failure
    if ('ok' in a) { o.success(a.ok); return Promise.resolve(a.ok) }
    o.fail({ errMsg: a.fail })
    return Promise.reject(new Error(a.fail))
  }
  jest.doMock('../../../src/lib/http/platform-adapter', () => jest.requireActual('../../../src/lib/http/platform-adapter.weapp'))
  const { createHttp } = await import('../../../src/lib/http/client')
  return { createHttp, options }
}

const unhandled: unknown[] = []
const onUnhandled = (reason: unknown) => { unhandled.push(reason) }
beforeAll(() => process.on('unhandledRejection', onUnhandled))
afterAll(() => { process.off('unhandledRejection', onUnhandled) })
const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('weapp HTTP adapter', () => {
  it('should send the method, URL with query, headers and body through wx.request and unwrap the envelope', async () => {
    const { createHttp, options } = await weappClient(() => ({ ok: { statusCode: 200, header: {}, data: { code: '00', msg: '成功', data: { n: 1 } } } }))
    const res = await createHttp('http://127.0.0.1:3000').request({ method: 'post', url: '/api/x', params: { q: '万州' }, data: { a: 1 } })
    expect(res.data.data).toEqual({ n: 1 })
    expect(options[0]).toMatchObject({ url: 'http://127.0.0.1:3000/api/x?q=%E4%B8%87%E5%B7%9E', method: 'POST', data: '{"a":1}' })
    const header = Object.fromEntries(Object.entries(options[0].header).map(([k, v]) => [k.toLowerCase(), v]))
    expect(header['content-type']).toBe('application/json')
  })

  it('should turn an error envelope into its ApiError', async () => {
    const { createHttp } = await weappClient(() => ({ ok: { statusCode: 404, header: {}, data: { code: 'NOT_FOUND', msg: '未找到相关内容', data: null } } }))
    await expect(createHttp('http://h').request({ url: '/api/y' })).rejects.toMatchObject({ code: 'NOT_FOUND', status: 404 })
  })

  it('should report no network as NETWORK, with no unhandled rejection', async () => {
    const { createHttp } = await weappClient(() => ({ fail: 'request:fail -102:net::ERR_CONNECTION_REFUSED' }))
    const error = await createHttp('http://h').request({ url: '/api/z' }).catch((e: unknown) => e)
    await settle()
    expect(error).toMatchObject({ name: 'ApiError', code: 'NETWORK' })
    expect(unhandled).toEqual([])
  })

  it('should report a timeout as TIMEOUT', async () => {
    const { createHttp } = await weappClient(() => ({ fail: 'request:fail timeout' }))
    await expect(createHttp('http://h').request({ url: '/api/t' })).rejects.toMatchObject({ code: 'TIMEOUT' })
    await settle()
    expect(unhandled).toEqual([])
  })
})
