import Taro from '@tarojs/taro'
import axios, { AxiosError, AxiosHeaders, type AxiosAdapter, type AxiosResponse, type InternalAxiosRequestConfig } from 'axios'

type Method = NonNullable<Taro.request.Option['method']>

/**
 * axios over wx.request, with every outcome handled once. (@tarojs/plugin-http's XMLHttpRequest shim passes
 * callbacks to Taro.request but drops the promise it also returns, so each failed request raised an unhandled
 * rejection beside the error the page showed.) Errors take axios's own shapes, so the client maps them as on H5.
 */
export const platformAdapter: AxiosAdapter = (config: InternalAxiosRequestConfig) => new Promise<AxiosResponse>((resolve, reject) => {
  const task = Taro.request({
    url: axios.getUri(config),
    method: (config.method ?? 'get').toUpperCase() as Method,
    header: AxiosHeaders.from(config.headers).toJSON() as Record<string, string>,
    data: config.data as string | undefined,
    dataType: 'json',
    responseType: 'text',
    timeout: config.timeout || undefined,
    success: (res) => {
      const response: AxiosResponse = { data: res.data, status: res.statusCode, statusText: '', headers: AxiosHeaders.from(res.header as Record<string, string>), config }
      const ok = config.validateStatus ? config.validateStatus(res.statusCode) : res.statusCode >= 200 && res.statusCode < 300
      if (ok) resolve(response)
      else reject(new AxiosError(`Request failed with status code ${res.statusCode}`, res.statusCode >= 500 ? AxiosError.ERR_BAD_RESPONSE : AxiosError.ERR_BAD_REQUEST, config, undefined, response))
    },
    fail: (err) => {
      const message = err?.errMsg ?? 'request:fail'
      reject(new AxiosError(message, /timeout/i.test(message) ? AxiosError.ECONNABORTED : AxiosError.ERR_NETWORK, config))
    },
  })
  // The same failure also rejects the returned promise: reported above through `fail`, so it is settled here.
  void Promise.resolve(task as unknown as Promise<unknown>).catch(() => undefined)
})
