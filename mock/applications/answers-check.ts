import type { Answers } from '../../src/contract/answers'
import type { FieldError } from '../../src/contract'
import { checkAnswerParts } from '../../src/core/answers/check-answers'
import { checkCreditCode } from '../../src/core/validators'

export interface AnswersCheck {
  errors: FieldError[]
  /** things staff will check after acceptance, for the receipt */
  pendingReview: string[]
}

/** The parts checked here; the materials are checked against the database (materials-check.ts). */
const PARTS = ['service', 'applicant', 'address', 'load', 'joint', 'share'] as const

/** The contact mobile chosen as the bound 渝快办 identity's must exist (the app only sees it masked). */
function identityMobileError(a: Answers['applicant'], identityMobile: string | undefined): FieldError | undefined {
  if (!a.useIdentityMobile || identityMobile) return undefined
  return { path: 'answers.applicant.useIdentityMobile', message: '尚未通过渝快办授权手机号，请填写联系手机号' }
}

/** The answers as stored: the identity's mobile filled in when the applicant chose to be contacted on it. */
export function withContactMobile(answers: Answers, identityMobile: string | undefined): Answers {
  if (!answers.applicant.useIdentityMobile) return answers
  return { ...answers, applicant: { ...answers.applicant, mobile: identityMobile } }
}

/** The domain rules of src/core/answers (the app's own), on the server; `today` is a China date. */
export function checkAnswers(answers: Answers, today: string, identityMobile: string | undefined): AnswersCheck {
  const errors: FieldError[] = checkAnswerParts(answers, { today }, PARTS).map(({ path, message }) => ({ path: `answers.${path}`, message }))
  const mobile = identityMobileError(answers.applicant, identityMobile)
  if (mobile) errors.push(mobile)
  const pendingReview: string[] = []
  const code = answers.applicant.kind === 'business' ? checkCreditCode(answers.applicant.creditCode ?? '') : undefined
  if (code?.ok && code.warning) {
    pendingReview.push('统一社会信用代码校验位不一致，将由工作人员对照营业执照核对')
  }
  return { errors, pendingReview }
}
