import { useEffect, useRef, useState } from 'react'
import type { AnswersInput } from '@/contract/answers'
import type { ContractSummary } from '@/contract/applications'
import { ApiError } from '@/lib/http/api-error'
import { fetchContractSummary } from './api/contract-and-receipt'
import type { DraftAnswers } from './draft-answers'

interface SummaryState {
  key: string
  summary?: ContractSummary
  error?: string
}

/** How long the answers must rest before the summary of a change is asked for (a reason typed on the page). */
export const SUMMARY_SETTLE_MS = 600

/**
 * The 《低压供用电合同》 summary for these answers, so the signature always covers what is on screen; null answers
 * (incomplete, or no contract now) fetch nothing. The first summary is asked for at once; a change (a 修改 and back,
 * each keystroke of the reason for an address unlike the certificate's) only once the answers have rested for
 * SUMMARY_SETTLE_MS. Until the summary of the current answers is in, none is returned: never an earlier one, whose
 * hash would not cover what is signed.
 */
export function useContractSummary(answers: DraftAnswers | null): { summary?: ContractSummary; error?: string } {
  const key = answers ? JSON.stringify(answers) : ''
  const [state, setState] = useState<SummaryState>({ key: '' })
  const asked = useRef(false)
  useEffect(() => {
    if (!answers) return undefined
    let live = true
    const ask = () => fetchContractSummary(answers as AnswersInput)
      .then((summary) => { if (live) setState({ key, summary }) })
      .catch((e: unknown) => { if (live) setState({ key, error: e instanceof ApiError ? (e.fieldErrors[0]?.message ?? e.message) : '合同摘要加载失败，请重试' }) })
    const first = !asked.current
    asked.current = true
    if (first) void ask()
    const timer = first ? undefined : setTimeout(() => void ask(), SUMMARY_SETTLE_MS)
    return () => { live = false; if (timer) clearTimeout(timer) }
    // the key stands for the answers
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key])
  return state.key === key ? state : {}
}
