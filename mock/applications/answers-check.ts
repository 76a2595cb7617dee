import type { Answers } from '../../src/contract/answers'
import type { FieldError } from '../../src/contract'
import { checkCreditCode, checkMobile } from '../../src/core/validators'
import { capacityError, townshipError } from './contract-summary'

export interface AnswersCheck {
  errors: FieldError[]
  /** things staff will check after acceptance, for the receipt */
  pendingReview: string[]
}

function applicantErrors(a: Answers['applicant'], service: Answers['service'], pendingReview: string[]): FieldError[] {
  const errors: FieldError[] = []
  const at = (field: string, message: string) => errors.push({ path: `answers.applicant.${field}`, message })
  if (service === 'resident' && a.kind !== 'individual') at('kind', '居民新装请以个人名义申请；企业或个体工商户请选择低压非居民新装')
  if (a.kind === 'business') {
    if (!a.businessName) at('businessName', '请输入企业名称（与营业执照一致）')
    const code = checkCreditCode(a.creditCode ?? '')
    if (!code.ok) at('creditCode', code.message)
    else if (code.warning && !a.creditCodeConfirmed) at('creditCode', code.warning)
    else if (code.warning) pendingReview.push('统一社会信用代码校验位不一致，将由工作人员对照营业执照核对')
  }
  return errors
}

/** The contact mobile: typed, or the bound 渝快办 identity's when the applicant chose it (the app only sees it masked). */
function mobileError(a: Answers['applicant'], identityMobile: string | undefined): FieldError | undefined {
  if (a.useIdentityMobile) {
    return identityMobile ? undefined : { path: 'answers.applicant.useIdentityMobile', message: '尚未通过渝快办授权手机号，请填写联系手机号' }
  }
  const mobile = checkMobile(a.mobile ?? '')
  return mobile.ok ? undefined : { path: 'answers.applicant.mobile', message: mobile.message }
}

/** The answers as stored: the identity's mobile filled in when the applicant chose to be contacted on it. */
export function withContactMobile(answers: Answers, identityMobile: string | undefined): Answers {
  if (!answers.applicant.useIdentityMobile) return answers
  return { ...answers, applicant: { ...answers.applicant, mobile: identityMobile } }
}

/** Domain rules the zod schema cannot express, mirroring the app's checks; `today` is a China date. */
export function checkAnswers(answers: Answers, today: string, identityMobile: string | undefined): AnswersCheck {
  const pendingReview: string[] = []
  const errors = applicantErrors(answers.applicant, answers.service, pendingReview)
  for (const error of [mobileError(answers.applicant, identityMobile), townshipError(answers), capacityError(answers)]) {
    if (error) errors.push(error)
  }
  const desired = answers.load.desiredDate
  if (desired && desired < today) errors.push({ path: 'answers.load.desiredDate', message: '期望接电日期不能早于今天，请重新选择' })
  return { errors, pendingReview }
}
