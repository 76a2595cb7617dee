import type { DraftAnswers } from '../draft-answers'
import { STEPS, type StepId } from '../steps'

/** Bump when the persisted shape changes, and add a branch to migrateDraft for the old one. */
export const DRAFT_STORE_VERSION = 1

export interface PersistedDraft {
  draftId: string | null
  serverVersion: number
  answers: DraftAnswers
  page: StepId
  materials: Record<string, unknown>
  submitKey: string | null
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x)
const knownPage = (p: unknown): p is StepId => STEPS.some((s) => s.id === p)

/**
 * Brings a stored draft up to the current shape, keeping every answer it can. No older shape has been
 * released yet, so today this salvages unversioned (version 0) or damaged data: each field is checked and
 * anything unreadable falls back to its empty value instead of crashing the app at start.
 */
export function migrateDraft(persisted: unknown, _fromVersion: number): PersistedDraft {
  const p = isObject(persisted) ? persisted : {}
  return {
    draftId: typeof p.draftId === 'string' ? p.draftId : null,
    serverVersion: typeof p.serverVersion === 'number' && p.serverVersion >= 0 ? p.serverVersion : 0,
    answers: isObject(p.answers) ? (p.answers as DraftAnswers) : {},
    page: knownPage(p.page) ? p.page : 'service',
    materials: isObject(p.materials) ? p.materials : {},
    submitKey: typeof p.submitKey === 'string' ? p.submitKey : null,
  }
}
