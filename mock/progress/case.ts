// One application and its history, as the progress endpoints read them.
import type { Answers } from '../../src/contract/answers'
import type { Service } from '../../src/core/services'
import { caseFacts, effectiveEvents, type CaseFacts, type ProgressEvent } from '../../src/core/progress'
import type { Statement } from 'better-sqlite3'
import type { Db } from '../db/open'
import { AppError } from '../http/app-error'
import { statement } from './statements'
import { serviceUnder } from '../supply-source'

export interface ProgressDeps {
  db: Db
  now: () => Date
  calendarOverrideFile: string
}

export interface ApplicationRow {
  number: string
  owner_id: string
  service: string
  supplier: string
  township_code: string
  answers_json: string
  submitted_at: string
  /** the supply settings it was submitted under; null: before they were recorded (the bundled ones) */
  settings_id: number | null
  /** the 一件事 it belongs to (water, gas or telecom added); null for an application on its own */
  joint_number: string | null
}

export interface Case {
  row: ApplicationRow
  service: Service
  /** the whole log, corrections included, in id order */
  events: ProgressEvent[]
  /** the log once corrections take effect (effectiveEvents of `events`) */
  effective: ProgressEvent[]
  /** what the log says once corrections take effect */
  facts: CaseFacts
}

const COLUMNS = 'number, owner_id, service, supplier, township_code, answers_json, submitted_at, settings_id, joint_number'

export function findApplication(db: Db, number: string): ApplicationRow | undefined {
  return statement(db, `SELECT ${COLUMNS} FROM application WHERE number = ?`).get(number) as ApplicationRow | undefined
}

/** The owner's application. Anyone else's, or an unknown number, is NOT_FOUND: the answer reveals nothing. */
export function ownApplication(db: Db, number: string, ownerId: string): ApplicationRow {
  const row = findApplication(db, number)
  if (!row || row.owner_id !== ownerId) throw new AppError('NOT_FOUND')
  return row
}

export function ownerApplications(db: Db, ownerId: string): ApplicationRow[] {
  return statement(db, `SELECT ${COLUMNS} FROM application WHERE owner_id = ? ORDER BY submitted_at DESC, number DESC`).all(ownerId) as ApplicationRow[]
}

/** The cases of one 一件事, electricity first. */
export function jointApplications(db: Db, jointNumber: string): ApplicationRow[] {
  return statement(db, `SELECT ${COLUMNS} FROM application WHERE joint_number = ? ORDER BY number`).all(jointNumber) as ApplicationRow[]
}

type EventTuple = [id: number, type: string, stage: string | null, at: string, payloadJson: string, correctsId: number | null]
const eventsRaw = new WeakMap<Db, Statement>()

/** The case's whole log in id order. Rows come as arrays (no object per row to build and drop): a detail read's hot path. */
export function loadEvents(db: Db, number: string): ProgressEvent[] {
  let s = eventsRaw.get(db)
  if (!s) eventsRaw.set(db, (s = db.prepare('SELECT id, type, stage, at, payload_json, corrects_id FROM application_event WHERE application_number = ? ORDER BY id').raw(true)))
  return (s.all(number) as EventTuple[]).map(([id, type, stage, at, payloadJson, correctsId]) =>
    ({ id, type, stage, at, payload: JSON.parse(payloadJson) as Record<string, unknown>, correctsId }))
}

/** The case's service with the stage limits it was submitted under. */
export function serviceOf(db: Db, row: ApplicationRow): Service {
  const service = serviceUnder(db, row.service, row.settings_id)
  if (!service) throw new Error(`application ${row.number} has an unknown service "${row.service}"`)
  return service
}

export function loadCase(db: Db, row: ApplicationRow): Case {
  const events = loadEvents(db, row.number)
  const effective = effectiveEvents(events)
  return { row, service: serviceOf(db, row), events, effective, facts: caseFacts(effective) }
}

const parsedAnswers = new WeakMap<ApplicationRow, Answers>()

/** The row's answers, parsed once per row read (a detail asks for them from several places); not to be changed. */
export function answersOf(row: ApplicationRow): Answers {
  let answers = parsedAnswers.get(row)
  if (!answers) parsedAnswers.set(row, (answers = JSON.parse(row.answers_json) as Answers))
  return answers
}

/** The applicant's contact mobile (typed, or the 渝快办 identity's, filled in at submission). */
export const contactMobile = (row: ApplicationRow): string | undefined => answersOf(row).applicant.mobile

/** Refuses with ACTION_NOT_ALLOWED unless `allowed`. */
export function requireAllowed(allowed: boolean, message?: string): void {
  if (!allowed) throw new AppError('ACTION_NOT_ALLOWED', message)
}
