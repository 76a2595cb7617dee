import type { FieldError } from '@/contract'
import { ANSWER_PARTS, checkAnswerPart, type AnswerPart } from '@/core/answers/check-answers'
import { chinaDate } from '@/core/calendar/china-date'
import type { DraftAnswers } from './draft-answers'
import type { StepId } from './steps'

/**
 * What is wrong on each page: the rules and words of src/core/answers, the same the server applies, so an error
 * looks the same whether the app or the server found it. Each answers part is checked on the page of that name.
 */
const isPart = (step: StepId): step is AnswerPart => (ANSWER_PARTS as readonly string[]).includes(step)

export function validateStep(step: StepId, answers: DraftAnswers, today = chinaDate(new Date())): FieldError[] {
  return isPart(step) ? checkAnswerPart(step, answers, { today }) : []
}

/** Every page's problems, for the check-your-answers page; each tagged with the page that fixes it. */
export function validateAll(answers: DraftAnswers, today = chinaDate(new Date())): (FieldError & { step: StepId })[] {
  return ANSWER_PARTS.flatMap((step) => validateStep(step, answers, today).map((e) => ({ ...e, step })))
}
