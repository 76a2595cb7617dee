import type { FastifyInstance } from 'fastify'
import { endpoints } from '../../src/contract'
import { route, type RouteOptions } from '../http/route'
import { currentStaff } from '../staff/accounts'
import { enterpriseLeads, registerLead } from '../leads/register'
import { acceptInvitation, declineInvitation, invitationsOf, type InvitationDeps } from '../leads/invitations'

/** 主动服务: staff register leads for their enterprise; the invited owner accepts with one confirmation, or declines. */
export function leadRoutes(app: FastifyInstance, deps: InvitationDeps, opts: RouteOptions): void {
  const { db, now } = deps
  route(app, endpoints.staffLeadRegister, async ({ body, user, req }) => {
    const lead = await registerLead(deps, currentStaff(db, user.id), body)
    req.log.info({ lead: lead.id, kind: lead.kind }, 'lead registered, owner invited')
    return lead
  }, opts)
  route(app, endpoints.staffLeads, ({ user }) => ({ leads: enterpriseLeads(db, currentStaff(db, user.id)) }), opts)
  route(app, endpoints.invitations, ({ user }) => ({ invitations: invitationsOf(db, user.id) }), opts)
  route(app, endpoints.invitationAccept, async ({ params, body, user, req }) => {
    const receipt = await acceptInvitation(deps, user.id, params.id, body.contractHash)
    req.log.info({ lead: params.id, number: receipt.number }, 'invitation accepted')
    return receipt
  }, opts)
  route(app, endpoints.invitationDecline, ({ params, body, user }) => declineInvitation(db, user.id, params.id, body.reason, now()), opts)
}
