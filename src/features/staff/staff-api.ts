import Taro from '@tarojs/taro'
import type { EndpointId, ResponseOf } from '@/contract'
import type { RouteId } from '@/contract/routes'
import { callApi } from '@/lib/http/client'
import { ApiError } from '@/lib/http/api-error'
import { staffHeaders, useStaffSession } from './stores/staff-session-store'

/** Calls a staff endpoint with the staff session; an expired or refused session sends staff back to sign in. */
export async function staffApi<K extends EndpointId & RouteId>(id: K, input: NonNullable<Parameters<typeof callApi<K>>[1]> = {}): Promise<ResponseOf<K>> {
  try {
    return await callApi(id, { ...input, headers: { ...input.headers, ...staffHeaders() } })
  } catch (e) {
    if (e instanceof ApiError && (e.code === 'SESSION_EXPIRED' || e.code === 'UNAUTHENTICATED')) {
      useStaffSession.setState({ session: null, staff: null })
      void Taro.redirectTo({ url: '/packages/staff/pages/login/index' })
    }
    throw e
  }
}
