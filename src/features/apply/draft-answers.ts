import type { AnswersInput } from '@/contract/answers'

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object | undefined ? DeepPartial<NonNullable<T[K]>> | (null extends T[K] ? null : never) : T[K] }

/** Answers while the journey is under way: any part may still be missing. */
export type DraftAnswers = DeepPartial<AnswersInput>
export type Section = 'applicant' | 'address' | 'load' | 'materials'
