import type { FastifyInstance } from 'fastify'
import { endpoints } from '../../src/contract'
import { route, type RouteOptions } from '../http/route'
import { readSnapshot } from '../db/snapshot'
import { loadCase, ownApplication, ownerApplications, type Case, type ProgressDeps } from '../progress/case'
import { applicationSummary } from '../progress/detail'
import { caseVersion, versionedDetail } from '../progress/version'
import { checkpointUpload, disputeCase, supplementCase, withdrawCase } from '../progress/applicant-actions'
import { rateCase } from '../progress/rating'
import { subscribe } from '../progress/notify'
import { fileComplaint, stepComplaint } from '../complaints/complaints'
import { workingCalendar } from '../calendar-source'
import { contractPdf, pdfHeaders } from '../applications/contract-pdf'
import { handInPropertyProof } from '../progress/property-proof'

/** The applicant's own applications: list, detail, and what they may change. Anyone else gets NOT_FOUND. */
export function progressRoutes(app: FastifyInstance, deps: ProgressDeps, opts: RouteOptions): void {
  const { db } = deps
  const ownCase = (number: string, ownerId: string) => loadCase(db, ownApplication(db, number, ownerId))
  /** Runs a change in one transaction on the freshly read case, then answers the new detail. */
  const change = (number: string, ownerId: string, act: (c: Case) => void) => {
    db.transaction(() => act(ownCase(number, ownerId)))()
    return readSnapshot(db, () => versionedDetail(deps, ownCase(number, ownerId), { masked: false }))
  }

  route(app, endpoints.myApplications, ({ user }) => readSnapshot(db, () => ({
    items: ownerApplications(db, user.id).map((row) => applicationSummary(deps, loadCase(db, row))),
  })), opts)

  // the sign-in check and the whole read in one snapshot
  route(app, endpoints.applicationDetail, ({ params, user }) => versionedDetail(deps, ownCase(params.number, user.id), { masked: false }),
    { ...opts, snapshot: (read) => readSnapshot(db, read) })

  // asked every second or two by an open detail page: ownership and one indexed read, no derivation
  route(app, endpoints.applicationVersion, ({ params, user }) => ({ version: caseVersion(deps, ownApplication(db, params.number, user.id)) }), opts)

  route(app, endpoints.withdraw, ({ params, user, body, req }) => {
    const detail = change(params.number, user.id, (c) => withdrawCase(deps, c, body))
    req.log.info({ number: params.number }, 'application withdrawn by the applicant')
    return detail
  }, opts)

  route(app, endpoints.dispute, ({ params, user, body }) => change(params.number, user.id, (c) => disputeCase(deps, c, body)), opts)
  route(app, endpoints.supplement, ({ params, user, body }) => change(params.number, user.id, (c) => supplementCase(deps, c, body)), opts)
  route(app, endpoints.checkpointMaterials, ({ params, user, body }) => change(params.number, user.id, (c) => checkpointUpload(deps, c, body)), opts)
  route(app, endpoints.rate, ({ params, user, body }) => change(params.number, user.id, (c) => rateCase(deps, c, body)), opts)

  route(app, endpoints.propertyProof, ({ params, user, body }) => change(params.number, user.id, (c) => handInPropertyProof(deps, c, body.materialId)), opts)

  route(app, endpoints.complain, ({ params, user, body, req }) => {
    const detail = change(params.number, user.id, (c) => { fileComplaint(db, c.row.number, user.id, body.text, deps.now(), workingCalendar(deps.calendarOverrideFile)) })
    req.log.info({ number: params.number }, 'complaint received')
    return detail
  }, opts)
  route(app, endpoints.closeComplaint, ({ params, user }) =>
    change(params.number, user.id, (c) => stepComplaint(db, c.row.number, params.complaintId, 'close', `applicant:${user.id}`, null, deps.now())), opts)
  route(app, endpoints.contractPdf, ({ params, user, reply }) => {
    const { file, fileName } = contractPdf(db, ownCase(params.number, user.id), { viewer: 'owner', now: deps.now() })
    reply.headers(pdfHeaders(fileName))
    return file
  }, opts)

  route(app, endpoints.subscribe, ({ params, user, body }) => {
    const row = ownApplication(db, params.number, user.id)
    return { accepted: db.transaction(() => subscribe(db, row, body.accepted, deps.now()))() }
  }, opts)
}
