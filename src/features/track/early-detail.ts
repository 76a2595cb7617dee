import type { ApplicationDetail } from '@/contract/progress'

/** H5 only (early-detail.h5.ts): in the mini-program a page opened from a link starts with its own code loaded. */
export function startDetailRead(): void {}

export const takeDetailRead = (_number: string): Promise<ApplicationDetail> | undefined => undefined
