import type { DraftAnswers } from '../draft-answers'
import { resumePage, type StepId } from '../steps'

/** Bump when the persisted shape changes, and add a branch to migrateDraft for the old one. */
export const DRAFT_STORE_VERSION = 3

export interface PersistedDraft {
  ownerId: string | null
  draftId: string | null
  serverVersion: number
  dirty: boolean
  answers: DraftAnswers
  page: StepId
  materials: Record<string, unknown>
  submitKey: string | null
  submittedNumber: string | null
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x)
const stringOrNull = (x: unknown): string | null => (typeof x === 'string' ? x : null)

/**
 * Brings a stored draft up to the current shape, keeping every answer it can; unreadable or damaged data
 * falls back field by field to the empty value instead of crashing the app at start.
 * Version 1 knew neither the owner nor whether the server had every change: its answers count as unsaved, so
 * the next meeting with the server's copy pushes them (same version) or asks (a newer copy there). Version 2 could
 * stand on the retired 签署合同 page: it goes on at 核对信息, where the contract is now signed.
 */
export function migrateDraft(persisted: unknown, _fromVersion: number): PersistedDraft {
  const p = isObject(persisted) ? persisted : {}
  const answers = isObject(p.answers) ? (p.answers as DraftAnswers) : {}
  return {
    ownerId: stringOrNull(p.ownerId),
    draftId: stringOrNull(p.draftId),
    serverVersion: typeof p.serverVersion === 'number' && p.serverVersion >= 0 ? p.serverVersion : 0,
    dirty: typeof p.dirty === 'boolean' ? p.dirty : Object.keys(answers).length > 0,
    answers,
    page: resumePage(p.page),
    materials: isObject(p.materials) ? p.materials : {},
    submitKey: stringOrNull(p.submitKey),
    submittedNumber: stringOrNull(p.submittedNumber),
  }
}
