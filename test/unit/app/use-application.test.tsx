/** @jest-environment jsdom */
import { act, renderHook } from '@testing-library/react'
import type { ApplicationDetail } from '../../../src/contract/progress'
import { useApplication } from '../../../src/features/track/use-application'

beforeEach(() => jest.useFakeTimers())
afterEach(() => jest.useRealTimers())

/** A case on the "server": its version, and a detail that carries it. */
function fakeCase() {
  const server = { version: 'v1', detailReads: 0, versionReads: 0 }
  const detailOf = (version: string) => ({ number: 'WZ20261127000001', version, timeline: [] } as unknown as ApplicationDetail)
  return {
    server,
    detailOf,
    fetcher: () => { server.detailReads += 1; return Promise.resolve(detailOf(server.version)) },
    versionOf: () => { server.versionReads += 1; return Promise.resolve({ version: server.version }) },
  }
}

/** `ms` of fake time, 100 ms at a time, letting each request's promise settle. */
async function pass(ms: number): Promise<void> {
  for (let t = 0; t < ms; t += 100) {
    await act(async () => {
      jest.advanceTimersByTime(100)
      for (let i = 0; i < 5; i++) await Promise.resolve()
    })
  }
}

describe('useApplication (an open detail page)', () => {
  it('should read the detail once, then only its version, until the version moves', async () => {
    const c = fakeCase()
    const { result } = renderHook(() => useApplication(c.fetcher, c.versionOf))
    await pass(100)
    expect(result.current.detail?.version).toBe('v1')
    await pass(15_000)
    expect(c.server).toEqual({ version: 'v1', detailReads: 1, versionReads: 10 })

    c.server.version = 'v2' // a push lands
    await pass(1500)
    expect(result.current.detail?.version).toBe('v2')
    expect(c.server.detailReads).toBe(2)
  })

  it('should take an action\'s answer as the detail shown, without reading it again', async () => {
    const c = fakeCase()
    const { result } = renderHook(() => useApplication(c.fetcher, c.versionOf))
    await pass(100)
    c.server.version = 'v2' // the applicant's own action moved the case, and answered its new detail
    act(() => result.current.setDetail(c.detailOf('v2')))
    await pass(6000)
    expect(c.server.detailReads).toBe(1)
    expect(c.server.versionReads).toBe(4)
  })

  it('should say a failed check, and keep the detail shown', async () => {
    const c = fakeCase()
    const versionOf = jest.fn(c.versionOf)
    const { result } = renderHook(() => useApplication(c.fetcher, versionOf))
    await pass(100)
    versionOf.mockImplementationOnce(() => Promise.reject(new Error('offline')))
    await pass(1500)
    expect(result.current.error).toBe('加载失败，请下拉重试')
    expect(result.current.detail?.version).toBe('v1')
    await pass(3000) // backed off after the failure, then the next check succeeds
    expect(result.current.error).toBe('')
  })
})
