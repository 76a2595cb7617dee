import Taro from '@tarojs/taro'

jest.mock('../../../src/lib/http/client', () => ({ callApi: jest.fn(), setSessionHooks: jest.fn(), currentToken: () => undefined }))
import { callApi, setSessionHooks } from '../../../src/lib/http/client'
import { useSession, selectConsented } from '../../../src/features/auth/stores/session-store'
import { CONSENT_VERSION } from '../../../src/contract/constants'

const api = callApi as jest.MockedFunction<typeof callApi>
const storage = (Taro as unknown as { __storage: Map<string, string> }).__storage
const session = (token: string) => ({ token, refreshToken: `r-${token}`, expiresAt: '2026-11-26T10:00:00.000Z' })
const me = { userId: 'u1', via: 'ykb' as const, identity: { nameMasked: '李**', idNumberMasked: '5001**********231X', mobileMasked: '138****8000' }, consentVersion: null }

beforeEach(() => {
  api.mockReset()
  useSession.setState({ session: session('t1'), me })
})

describe('session store', () => {
  it('should hand the client its token and its refresh', () => {
    expect(setSessionHooks).toHaveBeenCalledTimes(1)
    const hooks = (setSessionHooks as jest.Mock).mock.calls[0][0] as { token: () => string }
    expect(hooks.token()).toBe('t1')
  })

  it('should persist the session so a reopened app is still signed in', () => {
    const saved = JSON.parse(storage.get('wz-session') ?? '{}') as { state: { session: { token: string } } }
    expect(saved.state.session.token).toBe('t1')
  })

  it('should make one refresh call when several requests find the token expired at once', async () => {
    let resolve: (v: ReturnType<typeof session>) => void = () => undefined
    api.mockReturnValueOnce(new Promise<ReturnType<typeof session>>((r) => { resolve = r }) as unknown as ReturnType<typeof callApi>)
    const a = useSession.getState().refresh()
    const b = useSession.getState().refresh()
    resolve(session('t2'))
    await expect(Promise.all([a, b])).resolves.toEqual([true, true])
    expect(api).toHaveBeenCalledTimes(1)
    expect(api).toHaveBeenCalledWith('refresh', { body: { refreshToken: 'r-t1' } })
    expect(useSession.getState().session?.token).toBe('t2')
  })

  it('should sign out when the refresh token is refused', async () => {
    api.mockRejectedValueOnce(new Error('SESSION_EXPIRED'))
    await expect(useSession.getState().refresh()).resolves.toBe(false)
    expect(useSession.getState().session).toBeNull()
    expect(useSession.getState().me).toBeNull()
  })

  it('should clear the session on sign-out even when the server cannot be reached', async () => {
    api.mockRejectedValueOnce(new Error('offline'))
    await expect(useSession.getState().signOut()).resolves.toBeUndefined()
    expect(useSession.getState().session).toBeNull()
  })

  it('should know whether the current notice was agreed to', async () => {
    expect(selectConsented(useSession.getState())).toBe(false)
    api.mockResolvedValueOnce({ ...me, consentVersion: CONSENT_VERSION })
    await useSession.getState().setConsent(true)
    expect(api).toHaveBeenCalledWith('consent', { body: { version: CONSENT_VERSION, granted: true } })
    expect(selectConsented(useSession.getState())).toBe(true)
  })
})
