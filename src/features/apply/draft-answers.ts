import type { PartialAnswers } from '@/core/answers/check-answers'

/** Answers while the journey is under way: any part may still be missing. */
export type DraftAnswers = PartialAnswers
export type Section = 'applicant' | 'address' | 'load' | 'materials'
