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

/**
 * The problems shown after a failed Continue, brought up to date with what is wrong now: each goes once its field is
 * fixed (in today's words if they changed), and none is added while the applicant is still editing. The same array
 * when nothing changed, so a state update can bail out.
 */
export function stillWrong(shown: FieldError[], now: FieldError[]): FieldError[] {
  if (shown.length === 0) return shown
  const current = new Map(now.map((e) => [e.path, e]))
  const kept = shown.flatMap((e) => {
    const c = current.get(e.path)
    return c ? [c.message === e.message ? e : { ...e, message: c.message }] : []
  })
  return kept.length === shown.length && kept.every((e, i) => e === shown[i]) ? shown : kept
}
