import type { FastifyInstance } from 'fastify'
import { endpoints } from '../../src/contract'
import { route, type RouteOptions } from '../http/route'
import { AppError } from '../http/app-error'
import { buildContractSummary, contractRefusal } from '../applications/contract-summary'
import { signerName } from '../applications/signature'
import { idempotencyKey } from '../applications/idempotency'
import { submitApplication, type SubmitDeps } from '../applications/submit'
import { storedReceipt } from '../applications/receipt'
import { currentSupply } from '../supply-source'

export function applicationRoutes(app: FastifyInstance, deps: SubmitDeps, opts: RouteOptions): void {
  route(app, endpoints.contractSummary, ({ body, user }) => {
    const refusal = contractRefusal(body.answers)
    if (refusal) throw new AppError('VALIDATION_FAILED', undefined, [refusal])
    return buildContractSummary(body.answers, signerName(deps.db, user.id), currentSupply(deps.db).settings)
  }, opts)

  route(app, endpoints.submit, ({ body, user, req }) => {
    const receipt = submitApplication(deps, user.id, idempotencyKey(req), body)
    req.log.info({ number: receipt.number }, 'application submitted')
    return receipt
  }, opts)

  // Only the applicant sees a receipt; anyone else learns nothing, not even that the number exists.
  route(app, endpoints.receipt, ({ params, user }) => {
    const receipt = storedReceipt(deps.db, params.number, user.id)
    if (!receipt) throw new AppError('NOT_FOUND')
    return receipt
  }, opts)
}
