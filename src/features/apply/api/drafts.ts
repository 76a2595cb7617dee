// The apply feature's questions to the API about the account's one draft.
import type { Draft } from '@/contract/applications'
import { callApi } from '@/lib/http/client'

/** The account's current (unsubmitted) draft, or null. */
export const fetchDraft = (): Promise<Draft | null> => callApi('draftGet')

/** Saves answers and page over the server's copy `version`; a stale version answers CONFLICT. */
export const saveDraft = (body: { answers: Record<string, unknown>; page: string; version: number }): Promise<Draft> =>
  callApi('draftSave', { body })

/** Deletes the draft and what only it uses, on the server. */
export const discardDraft = (): Promise<unknown> => callApi('draftDiscard')
