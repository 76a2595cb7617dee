import Taro from '@tarojs/taro'

jest.mock('../../../src/lib/http/client', () => ({ callApi: jest.fn(), setSessionHooks: jest.fn(), currentToken: () => undefined }))
import { useSession } from '../../../src/features/auth/stores/session-store'
import { continueTo } from '../../../src/features/auth/begin-apply'
import { CONSENT_VERSION } from '../../../src/contract/constants'

const session = { token: 't', refreshToken: 'r', expiresAt: '2026-11-26T10:00:00.000Z' }
const identity = { nameMasked: '李**', idNumberMasked: '5001**********231X', mobileMasked: '138****8000' }
const APPLY = '/packages/apply/pages/service/index'
const TRACK = '/packages/track/pages/list/index'

function whereTo(state: Partial<ReturnType<typeof useSession.getState>>, next: string): string {
  const navigate = jest.spyOn(Taro, 'navigateTo').mockImplementation(() => Promise.resolve() as never)
  useSession.setState({ session: null, me: null, ...state })
  continueTo(next)
  const url = (navigate.mock.calls[0]?.[0] as { url: string } | undefined)?.url ?? ''
  navigate.mockRestore()
  return url
}

describe('continueTo', () => {
  it('should send a WeChat-only user who wants to apply to bind a 渝快办 identity first, and let them track without one', () => {
    const wechatOnly = { session, me: { userId: 'u', via: 'wechat' as const, identity: null, consentVersion: CONSENT_VERSION } }
    expect(whereTo(wechatOnly, APPLY)).toBe(`/packages/account/pages/login/index?next=${encodeURIComponent(APPLY)}&bind=1`)
    expect(whereTo(wechatOnly, TRACK)).toBe(TRACK)
  })

  it('should ask for consent after the identity, and go straight on when both are there', () => {
    const bound = { session, me: { userId: 'u', via: 'ykb' as const, identity, consentVersion: null } }
    expect(whereTo(bound, APPLY)).toBe(`/packages/account/pages/consent/index?next=${encodeURIComponent(APPLY)}`)
    expect(whereTo({ ...bound, me: { ...bound.me, consentVersion: CONSENT_VERSION } }, APPLY)).toBe(APPLY)
  })

  it('should take a signed-out person who wants to apply straight to 渝快办 (no sign-in page to choose on), and one who tracks to sign in', () => {
    expect(decodeURIComponent(whereTo({}, APPLY))).toMatch(/^\/packages\/account\/pages\/ykb-webview\/index\?src=.*\/ykb\/authorize\?redirect_uri=/)
    expect(whereTo({}, TRACK)).toBe(`/packages/account/pages/login/index?next=${encodeURIComponent(TRACK)}`)
  })
})
