// 主动服务 fixtures: the demo market registration's businesses, and a lead registered by 国网万州's customer service.
import { callApi } from '../../../src/lib/http/client'
import type { LeadRegisterBody } from '../../../src/contract/leads'
import { DEMO_BUSINESSES } from '../../../mock/ykb/sim-market'
import { DEMO_YKB_APP } from '../../../mock/config'
import { storeGrant } from '../../../mock/auth/ykb-grants'
import type { InProcess } from './in-process'
import { clientFor } from './fixtures'

/** 李明远's and 王芳's businesses in the simulator's market registration. */
export const BUSINESS = { li: DEMO_BUSINESSES[0].creditCode, wang: DEMO_BUSINESSES[1].creditCode } as const

/** A new business's lead in 瀼渡镇 (国网万州's area), 30 kW for a shop. */
export const leadBody = (creditCode: string, more: Partial<LeadRegisterBody> = {}): LeadRegisterBody => ({
  kind: 'new-business', creditCode, townshipCode: '500101138', addressDetail: '新城路88号1幢1-2', capacityKw: 30, use: 'shop', ...more,
})

/** Registers a lead as gw-kefu and answers its id (the owner is invited at once). */
export async function inviteOwner(s: InProcess, creditCode: string): Promise<string> {
  const gw = clientFor(s, s.sessions.create('staff', 'gw-kefu').token)
  return (await callApi('staffLeadRegister', { body: leadBody(creditCode) }, gw)).id
}

/** A fresh 渝快办 grant for the user, as of the server's clock (accepting fetches the ID card with it). */
export function renewGrant(s: InProcess, userId: string, identity: string, now: Date): void {
  const grant = s.ykbSim!.grantFor(identity, DEMO_YKB_APP.appKey)
  storeGrant(s.db, userId, { accessToken: grant.accessToken, expiresAt: grant.expiresAt, userId: grant.identityId }, now)
}
