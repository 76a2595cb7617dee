import { APPLICANT_KINDS, SERVICES } from '../../../src/core/services'
import { isSmallMicroResult, owesSmallMicroCheck, SMALL_MICRO_RESULTS, SMALL_MICRO_STATUS_CODES, smallMicroName } from '../../../src/core/small-micro'
import { STAFF_ONLY_EVENT_TYPES, EVENT_TYPES } from '../../../src/core/progress/events'

describe('小微企业认定: who owes a check', () => {
  it('should owe one only for a business applying for the low-voltage non-residential connection, with a credit code', () => {
    const owing = SERVICES.flatMap((s) => APPLICANT_KINDS.filter((k) => owesSmallMicroCheck(s, k, '91500101MA5UMY0L1K')).map((k) => `${s.code}/${k}`))
    expect(owing).toEqual(['lv-business/business'])
    const lv = SERVICES.find((s) => s.smallMicroCheckFor)!
    expect(owesSmallMicroCheck(lv, 'business', '')).toBe(false)
    expect(owesSmallMicroCheck(lv, 'business', '   ')).toBe(false)
    expect(owesSmallMicroCheck(lv, 'business', undefined)).toBe(false)
  })
})

describe('小微企业认定: the vocabulary', () => {
  it('should name every status staff can see, 待核验 included, and count only 小型 and 微型 as 小微', () => {
    expect(SMALL_MICRO_STATUS_CODES.map(smallMicroName)).toEqual(['小型企业', '微型企业', '非小微', '未查到', '待核验'])
    expect(Object.entries(SMALL_MICRO_RESULTS).filter(([, r]) => r.smallMicro === true).map(([code]) => code)).toEqual(['small', 'micro'])
    expect([isSmallMicroResult('micro'), isSmallMicroResult('pending'), isSmallMicroResult('toString'), isSmallMicroResult(1)]).toEqual([true, false, false, false])
  })

  it('should keep the registry\'s answer out of the applicant\'s timeline', () => {
    expect(STAFF_ONLY_EVENT_TYPES).toEqual([EVENT_TYPES.smallMicroChecked])
  })
})
