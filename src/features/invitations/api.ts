// 供电企业主动服务邀请: the applicant's invitations, and accepting (one confirmation applies) or declining one.
import type { Receipt } from '@/contract/applications'
import type { Invitation } from '@/contract/leads'
import { callApi } from '@/lib/http/client'

export const invitationsApi = {
  mine: async (): Promise<Invitation[]> => (await callApi('invitations')).invitations,
  /** signs the contract shown (its hash) and applies with the prefilled answers */
  accept: (invitation: Invitation): Promise<Receipt> => callApi('invitationAccept', { params: { id: invitation.id }, body: { contractHash: invitation.contract.hash } }),
  decline: (id: string) => callApi('invitationDecline', { params: { id }, body: {} }),
}
