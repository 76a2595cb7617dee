import { create } from 'zustand'
import type { Receipt, SubmitBody } from '@/contract/applications'
import { IDEMPOTENCY_HEADER } from '@/contract/constants'
import { callApi } from '@/lib/http/client'
import { useDraft } from './stores/draft-store'
import type { StepId } from './steps'

/** The receipt just received, so the result page shows it without asking again. Not persisted. */
export const useLastReceipt = create<{ receipt: Receipt | null }>()(() => ({ receipt: null }))

/**
 * Submits the draft once: the idempotency key is kept in the persisted draft until an answer arrives, so a
 * double tap, a retry after a lost response or a reopened app all yield the same application.
 */
export async function submitDraft(signature?: SubmitBody['signature']): Promise<Receipt> {
  const draft = useDraft.getState()
  if (!draft.draftId) await draft.save()
  const { draftId, answers } = useDraft.getState()
  if (!draftId) throw new Error('draft could not be saved')
  const key = useDraft.getState().submitKeyFor()
  const receipt = await callApi('submit', {
    body: { draftId, answers: answers as SubmitBody['answers'], signature },
    headers: { [IDEMPOTENCY_HEADER]: key },
  })
  useLastReceipt.setState({ receipt })
  useDraft.getState().clear(receipt.number)
  return receipt
}

/** Which page fixes a server-reported field. */
export function stepOfPath(path: string): StepId {
  const p = path.replace(/^answers\./, '')
  if (p.startsWith('applicant')) return 'applicant'
  if (p.startsWith('address')) return 'address'
  if (p.startsWith('load')) return 'load'
  if (p.startsWith('materials')) return 'licences'
  if (p.startsWith('signature')) return 'check'
  if (/^joint\.\d+\.consent/.test(p)) return 'share'
  if (p.startsWith('joint')) return 'joint'
  return 'service'
}
