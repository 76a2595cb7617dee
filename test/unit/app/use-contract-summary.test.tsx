/** @jest-environment jsdom */
import { act, renderHook } from '@testing-library/react'
import type { ContractSummary } from '../../../src/contract/applications'
import type { DraftAnswers } from '../../../src/features/apply/draft-answers'

jest.mock('../../../src/features/apply/api/contract-and-receipt', () => ({ fetchContractSummary: jest.fn() }))
import { fetchContractSummary } from '../../../src/features/apply/api/contract-and-receipt'
import { SUMMARY_SETTLE_MS, useContractSummary } from '../../../src/features/apply/use-contract-summary'

const fetchSummary = fetchContractSummary as jest.MockedFunction<typeof fetchContractSummary>
/** The server's answer stands for exactly the answers it was asked about (its hash names their reason). */
const summaryOf = (answers: DraftAnswers): ContractSummary => ({ title: '低压供用电合同', sections: [], hash: `for:${answers.address?.differsReason ?? ''}` })
const answersWith = (differsReason: string): DraftAnswers => ({ service: 'lv-business', address: { townshipCode: '500101001', detail: '演示街9号1幢1-1', differsReason } })

beforeEach(() => {
  jest.useFakeTimers()
  fetchSummary.mockReset()
  fetchSummary.mockImplementation((answers) => Promise.resolve(summaryOf(answers as DraftAnswers)))
})
afterEach(() => jest.useRealTimers())

/** Lets the mocked request's promise settle inside act. */
const settle = () => act(async () => { await Promise.resolve() })

describe('useContractSummary', () => {
  it('should ask once for the first summary, then once per pause in typing, never per keystroke', async () => {
    const { result, rerender } = renderHook(({ a }) => useContractSummary(a), { initialProps: { a: answersWith('') } })
    await settle()
    expect(fetchSummary).toHaveBeenCalledTimes(1)
    expect(result.current.summary?.hash).toBe('for:')

    const reason = '证书为老门牌，现门牌已变更'
    for (let i = 1; i <= reason.length; i++) {
      rerender({ a: answersWith(reason.slice(0, i)) })
      // while typing, no summary is shown: the one on screen would not be the one signed
      expect(result.current.summary).toBeUndefined()
      act(() => { jest.advanceTimersByTime(120) })
    }
    expect(fetchSummary).toHaveBeenCalledTimes(1)
    act(() => { jest.advanceTimersByTime(SUMMARY_SETTLE_MS) })
    await settle()
    expect(fetchSummary).toHaveBeenCalledTimes(2)
    expect(fetchSummary.mock.calls[1][0]).toEqual(answersWith(reason))
    expect(result.current.summary?.hash).toBe(`for:${reason}`)
  })

  it('should never return the summary of earlier answers, even when it arrives after they changed', async () => {
    let answer: (s: ContractSummary) => void = () => undefined
    fetchSummary.mockImplementationOnce(() => new Promise((resolve) => { answer = resolve }))
    const { result, rerender } = renderHook(({ a }) => useContractSummary(a), { initialProps: { a: answersWith('') } })
    rerender({ a: answersWith('老门牌') })
    answer(summaryOf(answersWith('')))
    await settle()
    expect(result.current.summary).toBeUndefined()
    act(() => { jest.advanceTimersByTime(SUMMARY_SETTLE_MS) })
    await settle()
    expect(result.current.summary?.hash).toBe('for:老门牌')
  })

  it('should ask nothing for answers that have no contract now', () => {
    renderHook(() => useContractSummary(null))
    act(() => { jest.advanceTimersByTime(SUMMARY_SETTLE_MS * 2) })
    expect(fetchSummary).not.toHaveBeenCalled()
  })
})
