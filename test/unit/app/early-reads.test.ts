/** @jest-environment jsdom */
import type { AxiosAdapter } from 'axios'
import { earlyReadsScript } from '../../../src/lib/http/early-reads'
import { callApi, http } from '../../../src/lib/http/client'
import { takeEarlyRead } from '../../../src/lib/http/early-read.h5'

// the client as built for H5, where index.html may have started the read already
jest.mock('../../../src/lib/http/early-read', () => jest.requireActual('../../../src/lib/http/early-read.h5'))

const DETAIL = '#/packages/track/pages/detail/index'
const envelope = { code: '00', msg: 'ok', data: { number: 'WZ1' } }

/** What index.html does: the stored session as Taro's H5 storage writes it, then the inline script. */
function openPage(hash: string, status = 200, token: string | null = 'tok') {
  localStorage.clear()
  if (token) localStorage.setItem('wz-session', JSON.stringify({ data: JSON.stringify({ state: { session: { token } }, version: 1 }) }))
  window.location.hash = hash
  const fetch = jest.fn(async () => ({ status, json: async () => envelope }))
  Object.assign(globalThis, { fetch })
  new Function(earlyReadsScript())()
  return fetch
}

describe('early reads (H5 index.html)', () => {
  it('should start the detail read with the stored token when the detail page is opened signed in', async () => {
    const fetch = openPage(`${DETAIL}?number=WZ%201`)
    expect(fetch).toHaveBeenCalledWith('/api/applications/WZ%201', { headers: { authorization: 'Bearer tok' } })
    await expect(takeEarlyRead('/api/applications/WZ%201')).resolves.toEqual(envelope)
    // once: a later read of the page asks the server
    expect(takeEarlyRead('/api/applications/WZ%201')).toBeUndefined()
  })

  it('should start nothing when signed out, on a looked-up case, or on another page', () => {
    expect(openPage(`${DETAIL}?number=WZ1`, 200, null)).not.toHaveBeenCalled()
    expect(openPage(`${DETAIL}?number=WZ1&via=lookup`)).not.toHaveBeenCalled()
    expect(openPage('#/packages/track/pages/list/index')).not.toHaveBeenCalled()
  })

  it('should answer callApi from the early read, and ask the server when the early read failed', async () => {
    const asked: string[] = []
    const adapter: AxiosAdapter = async (config) => {
      asked.push(config.url ?? '')
      return { data: { ...envelope, data: { number: 'from server' } }, status: 200, statusText: '', headers: {}, config }
    }
    http.defaults.adapter = adapter
    openPage(`${DETAIL}?number=WZ1`)
    await expect(callApi('applicationDetail', { params: { number: 'WZ1' } })).resolves.toEqual({ number: 'WZ1' })
    expect(asked).toEqual([])
    openPage(`${DETAIL}?number=WZ1`, 401)
    await expect(callApi('applicationDetail', { params: { number: 'WZ1' } })).resolves.toEqual({ number: 'from server' })
    expect(asked).toEqual(['/api/applications/WZ1'])
  })
})
