import Taro from '@tarojs/taro'

jest.mock('../../../src/lib/http/client', () => ({ callApi: jest.fn(), setSessionHooks: jest.fn(), currentToken: () => 'applicant-token' }))
import { callApi } from '../../../src/lib/http/client'
import { staffApi } from '../../../src/features/staff/staff-api'
import { useStaffSession } from '../../../src/features/staff/stores/staff-session-store'
import { ApiError } from '../../../src/lib/http/api-error'

const call = callApi as jest.Mock
const session = { token: 'staff-token', refreshToken: 'r', expiresAt: '2026-11-26T10:00:00.000Z' }

describe('staffApi', () => {
  let redirect: jest.SpyInstance
  beforeEach(() => {
    call.mockReset()
    redirect = jest.spyOn(Taro, 'redirectTo').mockImplementation(() => Promise.resolve() as never)
  })
  afterEach(() => redirect.mockRestore())

  it('should send staff to sign in, and send nothing, when the phone holds only an applicant sign-in', async () => {
    useStaffSession.setState({ session: null, staff: null })
    await expect(staffApi('staffDashboard', { query: { month: '2026-12' } })).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: '请先登录' })
    expect(call).not.toHaveBeenCalled()
    expect(redirect).toHaveBeenCalledWith({ url: '/packages/staff/pages/login/index' })
  })

  it('should call with the staff token when signed in as staff, and send them to sign in when the session has expired', async () => {
    useStaffSession.setState({ session, staff: null })
    call.mockResolvedValueOnce({ month: '2026-12' })
    await expect(staffApi('staffDashboard', { query: { month: '2026-12' } })).resolves.toEqual({ month: '2026-12' })
    expect(call.mock.calls[0][1].headers).toEqual({ authorization: 'Bearer staff-token' })
    expect(redirect).not.toHaveBeenCalled()

    call.mockRejectedValueOnce(new ApiError('SESSION_EXPIRED', '登录已过期，请重新登录'))
    await expect(staffApi('staffDashboard', { query: { month: '2026-12' } })).rejects.toMatchObject({ code: 'SESSION_EXPIRED' })
    expect(redirect).toHaveBeenCalledWith({ url: '/packages/staff/pages/login/index' })
    expect(useStaffSession.getState().session).toBeNull()
  })
})
