// The public page of real connection times: no session.
import type { PublicTimes } from '@/contract/oversight'
import { callApi } from '@/lib/http/client'

export const loadPublicTimes = (): Promise<PublicTimes> => callApi('publicTimes')
