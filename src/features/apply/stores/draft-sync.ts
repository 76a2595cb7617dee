import type { Draft } from '@/contract/applications'

/** What this device holds of a draft, as far as deciding against the server's copy goes. */
export interface LocalCopy {
  /** the account the draft belongs to; null for a draft kept from before drafts followed the account */
  ownerId: string | null
  draftId: string | null
  /** the server's version this device last saw */
  serverVersion: number
  /** changes made here that the server has not got yet */
  dirty: boolean
  hasAnswers: boolean
}

/**
 * What to do when the app meets the account's draft on the server (sign-in, the start page shown):
 * - `take` the server's copy (nothing here, or nothing here the server lacks),
 * - `keep` this one (the same version), `push` this one (the server lacks only our unsaved changes),
 * - `forget` this one (another account's, or submitted or discarded elsewhere),
 * - `conflict`: both changed; the applicant chooses.
 */
export type Reconcile = 'take' | 'keep' | 'push' | 'forget' | 'conflict'

export function reconcile(local: LocalCopy, server: Draft | null, userId: string): Reconcile {
  if (local.ownerId !== null && local.ownerId !== userId) return server ? 'take' : 'forget'
  if (!server) {
    if (local.draftId) return 'forget'
    return local.dirty && local.hasAnswers ? 'push' : 'keep'
  }
  if (!local.draftId && !local.hasAnswers) return 'take'
  if (local.draftId === server.draftId && local.serverVersion === server.version) return local.dirty ? 'push' : 'keep'
  return local.dirty ? 'conflict' : 'take'
}
