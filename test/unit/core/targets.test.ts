import { AVERAGE_CASE_CEILING, areaOf, caseTargets, TARGETS } from '@/core/targets'

describe('targets as data', () => {
  it('should read an urban 10 kV case against the 28-day average and mark it late only past the per-case ceiling', () => {
    const urban = (used: number) => caseTargets('hv-10kv', { area: areaOf('街道'), externalWorks: null }, used)[0]
    expect(urban(29)).toMatchObject({ days: 28, kind: 'average', status: 'within' })
    expect(urban(AVERAGE_CASE_CEILING.days)).toMatchObject({ status: 'within' })
    expect(urban(AVERAGE_CASE_CEILING.days + 1)).toMatchObject({ status: 'over', note: `平均不超过28个工作日；单件超过${AVERAGE_CASE_CEILING.days}个工作日记为超时（默认值）` })
    expect(areaOf('镇')).toBe('rural')
  })

  it('should choose 5 or 15 days by the recorded external works, and label the national target as reported', () => {
    const national = (externalWorks: boolean | null, used: number) => caseTargets('resident', { area: 'rural', externalWorks }, used)[1]
    expect(national(true, 15)).toMatchObject({ days: 15, status: 'within', reported: true, note: '不超过15个工作日（有外部线路工程）' })
    expect(national(true, 16).status).toBe('over')
    expect(national(false, 6)).toMatchObject({ days: 5, status: 'over' })
    expect(national(null, 1).status).toBe('unknown')
    expect(TARGETS.map((t) => [t.code, t.source])).toEqual([['plan-2021', 'seed'], ['national-2025', 'reported']])
  })
})
