// One case as customer service sees it: everything the applicant sees (address in full), the applicant's identity
// masked, the raw append-only log (free text masked), materials with their files, internal notes, the follow-up.
import type { StaffCaseDetail } from '../../src/contract/staff'
import type { Db } from '../db/open'
import { maskDeep } from '../log'
import { loadCase, type ApplicationRow, type ProgressDeps } from '../progress/case'
import { caseMaterials } from '../progress/case-materials'
import { applicationDetail } from '../progress/detail'
import { staffDispatchOf } from '../joint/joint-view'
import { applicantOf, maskedApplicant } from './applicant'
import { materialUploads, otherFiles } from './case-files'
import { actorNames, eventView, type ActorNames } from './event-view'
import type { Service } from '../../src/core/services'
import { NOT_CONNECTED, smallMicroOf, type SmeReach } from '../sme-registry/view'

type EventRow = { id: number; type: string; stage: string | null; actor: string; at: string; payload_json: string; corrects_id: number | null }

function loggedEvents(db: Db, row: ApplicationRow, service: Service, names: ActorNames): StaffCaseDetail['events'] {
  const rows = db.prepare('SELECT id, type, stage, actor, at, payload_json, corrects_id FROM application_event WHERE application_number = ? ORDER BY id')
    .all(row.number) as EventRow[]
  return rows.map((e) => {
    const payload = maskDeep(JSON.parse(e.payload_json)) as Record<string, unknown>
    return {
      id: e.id, type: e.type, stage: e.stage, actor: e.actor, at: e.at, payload, corrects: e.corrects_id,
      ...eventView(service, { type: e.type, stage: e.stage, actor: e.actor, payload }, names),
    }
  })
}

export function notesOf(db: Db, number: string): StaffCaseDetail['notes'] {
  return db.prepare('SELECT id, author, text, at FROM staff_note WHERE application_number = ? ORDER BY id').all(number) as StaffCaseDetail['notes']
}

function followUpOf(db: Db, number: string): StaffCaseDetail['followUp'] {
  const f = db.prepare('SELECT grade, deadline, deadline_estimated, closed_at, closed_by, close_note FROM rating_follow_up WHERE application_number = ?').get(number) as
    { grade: number; deadline: string; deadline_estimated: number; closed_at: string | null; closed_by: string | null; close_note: string | null } | undefined
  return f ? {
    grade: f.grade, deadline: f.deadline, estimated: f.deadline_estimated === 1, closed: f.closed_at !== null,
    closedAt: f.closed_at, closedBy: f.closed_by, note: f.close_note,
  } : null
}

export function staffCaseDetail(deps: ProgressDeps & { smeRegistry?: SmeReach }, row: ApplicationRow): StaffCaseDetail {
  const { db } = deps
  const c = loadCase(db, row)
  const applicant = applicantOf(db, row)
  return {
    // each provider's staff see their own case: the 一件事's other parts are other enterprises' (search its number)
    application: { ...applicationDetail(deps, c, { masked: false }), joint: null },
    applicant: maskedApplicant(applicant),
    events: loggedEvents(db, row, c.service, actorNames(db, applicant.name)),
    materials: caseMaterials(db, row).map((m) => ({ ...m, uploads: materialUploads(db, m.materialId, row.owner_id) })),
    files: otherFiles(db, row),
    notes: notesOf(db, row.number),
    dispatch: staffDispatchOf(db, row),
    smallMicro: smallMicroOf(db, row.number, c.events, deps.smeRegistry ?? NOT_CONNECTED),
    followUp: followUpOf(db, row.number),
  }
}
