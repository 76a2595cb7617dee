import Taro from '@tarojs/taro'
import type { EndpointId, ResponseOf } from '@/contract'
import type { RouteId } from '@/contract/routes'
import { callApi } from '@/lib/http/client'
import { ApiError } from '@/lib/http/api-error'
import { ERRORS } from '@/contract/errors'
import { staffHeaders, useStaffSession } from './stores/staff-session-store'

const signInAgain = () => {
  useStaffSession.setState({ session: null, staff: null })
  void Taro.redirectTo({ url: '/packages/staff/pages/login/index' })
}

/**
 * Calls a staff endpoint with the staff session; no session, or an expired or refused one, sends staff to sign in.
 * Without a staff session nothing is sent: the client would otherwise attach the applicant sign-in the same phone
 * may hold, and the page would end at 无权访问该内容 with no way on.
 */
export async function staffApi<K extends EndpointId & RouteId>(id: K, input: NonNullable<Parameters<typeof callApi<K>>[1]> = {}): Promise<ResponseOf<K>> {
  if (!useStaffSession.getState().session) {
    signInAgain()
    throw new ApiError('UNAUTHENTICATED', ERRORS.UNAUTHENTICATED.msg)
  }
  try {
    return await callApi(id, { ...input, headers: { ...input.headers, ...staffHeaders() } })
  } catch (e) {
    if (e instanceof ApiError && (e.code === 'SESSION_EXPIRED' || e.code === 'UNAUTHENTICATED')) signInAgain()
    throw e
  }
}
