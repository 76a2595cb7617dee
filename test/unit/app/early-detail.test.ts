/** @jest-environment jsdom */
import { startDetailRead, takeDetailRead } from '../../../src/features/track/early-detail.h5'
import { useSession } from '../../../src/features/auth/stores/session-store'
import { trackApi } from '../../../src/features/track/api/track-api'

jest.mock('../../../src/features/track/api/track-api', () => ({ trackApi: { detail: jest.fn() } }))
const detail = trackApi.detail as jest.Mock

const SESSION = { token: 't', refreshToken: 'r', expiresAt: '2099-01-01T00:00:00Z' } as never

function openAt(hash: string, signedIn = true) {
  detail.mockReset().mockResolvedValue({ number: 'WZ1' })
  useSession.setState({ session: signedIn ? SESSION : null })
  window.location.hash = hash
  startDetailRead()
}

describe('the detail read started with the app (H5)', () => {
  it('should read a signed-in detail page\'s case at start, and hand the read over once', async () => {
    openAt('#/packages/track/pages/detail/index?number=WZ%201')
    expect(detail).toHaveBeenCalledWith('WZ 1')
    await expect(takeDetailRead('WZ 1')).resolves.toEqual({ number: 'WZ1' })
    expect(takeDetailRead('WZ 1')).toBeUndefined()
  })

  it('should start nothing signed out, for a looked-up case, or on another page; and hand over nothing for another case', () => {
    openAt('#/packages/track/pages/detail/index?number=WZ1', false)
    openAt('#/packages/track/pages/detail/index?number=WZ1&via=lookup')
    openAt('#/packages/track/pages/list/index')
    expect(detail).not.toHaveBeenCalled()
    openAt('#/packages/track/pages/detail/index?number=WZ1')
    expect(takeDetailRead('WZ2')).toBeUndefined()
  })
})
