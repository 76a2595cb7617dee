import { useEffect, useState } from 'react'
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

/**
 * The 《低压供用电合同》 summary for these answers, fetched again whenever they change (a 修改 and back), so the
 * signature always covers what is on screen; null answers (incomplete, or no contract now) fetch nothing.
 */
export function useContractSummary(answers: DraftAnswers | null): { summary?: ContractSummary; error?: string } {
  const key = answers ? JSON.stringify(answers) : ''
  const [state, setState] = useState<SummaryState>({ key: '' })
  useEffect(() => {
    if (!answers) return undefined
    let live = true
    fetchContractSummary(answers as AnswersInput)
      .then((summary) => { if (live) setState({ key, summary }) })
      .catch((e: unknown) => { if (live) setState({ key, error: e instanceof ApiError ? (e.fieldErrors[0]?.message ?? e.message) : '合同摘要加载失败，请重试' }) })
    return () => { live = false }
    // the key stands for the answers
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key])
  return state.key === key ? state : {}
}
