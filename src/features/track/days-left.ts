import type { processState } from '@/contract/progress'
import type { z } from 'zod'
import { STATE_WORDS } from '@/contract/constants'
import { isClosedState } from '@/core/progress'

type ProcessState = z.infer<typeof processState>

/** A case's clock in words: its closing word once closed, else the working days left, or how far past the limit. */
export function daysLeftText(a: { state: ProcessState; remainingDays: number }): string {
  if (isClosedState(a.state)) return STATE_WORDS[a.state]
  return a.remainingDays >= 0 ? `剩余${a.remainingDays}个工作日` : `已超时${-a.remainingDays}个工作日`
}
