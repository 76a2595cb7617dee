import type { PartialAnswers } from '@/core/answers/check-answers'

/** Answers while the journey is under way: any part may still be missing. */
export type DraftAnswers = PartialAnswers
export type Section = 'applicant' | 'address' | 'load' | 'materials'

/** One added service (同时办理) while the journey is under way. */
export type JointDraft = NonNullable<NonNullable<DraftAnswers['joint']>[number]>
