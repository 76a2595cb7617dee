// The application detail and list summaries, derived from the history on every read.
import type { ApplicationDetail, ApplicationSummary } from '../../src/contract/progress'
import { maskText } from '../../src/core/masking'
import { deriveProgress, EVENT_TYPES, externalWorksIn, lapsingResults, stageName, type Progress } from '../../src/core/progress'
import { townshipByCode } from '../../src/core/wanzhou'
import { areaOf, caseTargets } from '../../src/core/targets'
import { supplierName } from '../../src/core/services'
import { providerByCode } from '../../src/core/providers'
import { workingCalendar } from '../calendar-source'
import { maskAddress } from '../licences/licence-masking'
import { actionsFor } from './actions'
import { answersOf, type Case, type ProgressDeps } from './case'
import { caseMaterials, supplementFiles } from './case-materials'
import { mayHandInProof, propertyProofOf } from './property-proof'
import { ratingOf } from './rating'
import { complaintViews, noneAwaitingAnswer } from '../complaints/complaints'
import { runningAverage } from './running-average'
import { timelineOf } from './timeline'
import { waitingOf } from './waiting'
import { jointView } from '../joint/joint-view'

/** The case's progress; `calendar` when the caller already has it (one look at the override file per read). */
export function progressOf(deps: ProgressDeps, c: Case, calendar = workingCalendar(deps.calendarOverrideFile)): Progress {
  return deriveProgress({ service: c.service, submittedAt: c.row.submitted_at, events: c.events, facts: c.facts, now: deps.now(), calendar })
}

const townshipName = (c: Case) => townshipByCode(c.row.township_code)?.name ?? ''

function contractOf(c: Case): ApplicationDetail['contract'] {
  const signed = c.effective.find((e) => e.type === EVENT_TYPES.contractSigned)
  if (!signed) return null
  const p = signed.payload as { method?: string; signedAt?: string; contractHash?: string }
  return { method: p.method ?? '', signedAt: p.signedAt ?? signed.at, hash: p.contractHash ?? '' }
}

function supplementOf(c: Case): ApplicationDetail['supplement'] {
  const request = c.facts.openSupplement
  if (!request) return null
  const opinion = typeof request.payload.opinion === 'string' ? request.payload.opinion : ''
  return { message: maskText(opinion || '请按供电企业的要求补正材料'), requestedAt: request.at }
}

/** The latest record of whether the case needs external line works (staff's event); null until one is made. */
export function externalWorksOf(c: Case): boolean | null {
  return c.events.some((e) => e.type === EVENT_TYPES.externalWorks) ? externalWorksIn(c.effective) : null
}

/** The case against each target; an average one (10 kV) with the enterprise's running average beside the case's own days. */
function targetsOf(deps: ProgressDeps, c: Case, externalWorks: boolean | null, usedDays: number): ApplicationDetail['targets'] {
  const area = areaOf(townshipByCode(c.row.township_code)?.kind)
  // fresh objects get their last field by Object.assign, here and below: `{ ...o, k: v }` takes V8's slow path (~1 µs)
  return caseTargets(c.service.code, { area, externalWorks }, usedDays).map((t) =>
    Object.assign(t, { average: t.kind === 'average' ? runningAverage(deps.db, c.row.supplier, c.service.code, area, deps.now()) : null }))
}

/** A lookup without sign-in may look, not act. */
const NO_ACTIONS: ApplicationDetail['actions'] = { withdraw: false, supplement: false, dispute: false, rate: false, propertyProof: false, complain: false, checkpointUpload: null }

/**
 * Everything the applicant sees about one case. `masked` (lookups without sign-in): the address only down to
 * the township, no materials (whoever tracks the case needs its progress, not the applicant's documents), and
 * no actions. Free text that might carry personal data is masked either way.
 */
export function applicationDetail(deps: ProgressDeps, c: Case, opts: { masked: boolean }): ApplicationDetail {
  const { row, service } = c
  const calendar = workingCalendar(deps.calendarOverrideFile)
  const progress = progressOf(deps, c, calendar)
  const waiting = waitingOf(c, calendar)
  const externalWorks = externalWorksOf(c)
  const rating = ratingOf(deps.db, row.number)
  const proof = propertyProofOf(c)
  const complaints = opts.masked ? [] : complaintViews(deps.db, row.number, row.supplier, deps.now())
  const township = townshipName(c)
  const address = `重庆市万州区${township}${answersOf(row).address.detail}`
  return {
    number: row.number,
    service: service.code,
    serviceName: service.name,
    supplier: row.supplier,
    supplierName: supplierName(row.supplier),
    supplierContact: providerByCode(row.supplier)?.contact ?? '',
    townshipName: township,
    address: opts.masked ? maskAddress(address) : address,
    submittedAt: row.submitted_at,
    feeYuan: service.feeYuan,
    process: progress.process,
    stages: progress.stages,
    gaps: progress.gaps,
    timeline: timelineOf(service, c.events),
    materials: opts.masked ? [] : caseMaterials(deps.db, row),
    targets: targetsOf(deps, c, externalWorks, progress.process.usedDays),
    externalWorks,
    lapsing: lapsingResults(service, c.facts, deps.now()),
    waiting,
    supplement: supplementOf(c),
    contract: contractOf(c),
    propertyProof: proof,
    supplementFiles: opts.masked ? [] : supplementFiles(deps.db, row),
    rating: rating && Object.assign(rating, { comment: rating.comment && maskText(rating.comment) }),
    joint: jointView(deps, c, progress, (sibling) => progressOf(deps, sibling)),
    complaints,
    actions: opts.masked ? NO_ACTIONS : Object.assign(actionsFor(service, c.facts, rating !== null, waiting?.dispute != null, mayHandInProof(c, proof)), { complain: noneAwaitingAnswer(complaints) }),
  }
}

export function applicationSummary(deps: ProgressDeps, c: Case): ApplicationSummary {
  const { process } = progressOf(deps, c)
  return {
    number: c.row.number,
    serviceName: c.service.name,
    townshipName: townshipName(c),
    submittedAt: c.row.submitted_at,
    state: process.state,
    currentStageName: process.currentStage ? stageName(c.service, process.currentStage) : null,
    remainingDays: process.remainingDays,
    expectedBy: process.expectedBy,
    estimated: process.estimated,
    jointNumber: c.row.joint_number,
  }
}
