// The apply feature's questions to the API after the answers are complete: the contract to sign, the receipt.
import type { AnswersInput } from '@/contract/answers'
import type { ContractSummary, Receipt } from '@/contract/applications'
import { callApi } from '@/lib/http/client'

/** The 《低压供用电合同》 summary these answers produce, with the hash a signature covers. */
export const fetchContractSummary = (answers: AnswersInput): Promise<ContractSummary> => callApi('contractSummary', { body: { answers } })

/** The receipt of a submitted application (the result page opened again, or from a link). */
export const fetchReceipt = (number: string): Promise<Receipt> => callApi('receipt', { params: { number } })
