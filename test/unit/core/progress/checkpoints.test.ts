import { serviceByCode, type Service } from '@/core/services'
import { derive, history } from './history'

const HV = serviceByCode('hv-10kv') as Service

describe('deriveProgress: 10 kV checkpoints', () => {
  it('should list only the checkpoints that happened, inside 外部工程实施, with their own limits', () => {
    const h = history()
    h.submit('2026-11-02 10:00', 'apply-accept')
    h.add('stage-finished', '2026-11-03 10:00', 'apply-accept')
    h.stage('supply-plan', '2026-11-03 10:00', '2026-11-10 10:00')
    h.add('stage-started', '2026-11-10 10:00', 'external-works')
    h.stage('design-review', '2026-11-10 10:00', '2026-11-16 10:00', { handler: '设计审查组' })
    h.add('stage-started', '2026-11-16 10:00', 'mid-inspection')
    const { process, stages } = derive(HV, h, '2026-11-18 10:00')
    const external = stages[2]
    expect(external).toMatchObject({ code: 'external-works', state: 'in-progress', usedDays: 6 })
    expect(external.checkpoints.map((c) => [c.code, c.state, c.usedDays, c.limitDays])).toEqual([
      ['design-review', 'done', 4, 4],
      ['mid-inspection', 'in-progress', 2, 3],
    ])
    expect(stages.map((s) => s.checkpoints.length)).toEqual([0, 0, 2, 0])
    expect(process).toMatchObject({ currentStage: 'external-works', limitDays: 28, limitKind: 'average' })
  })
})
