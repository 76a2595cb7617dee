import { MATERIALS, SERVICES, SUPPLIERS, joinableServices, standaloneServices, materialsFor, serviceByCode, serviceForCapacity, type ServiceCode } from '@/core/services'

const codes = (list: { code: string }[]) => list.map((item) => item.code)
const names = (list: { name: string }[]) => list.map((item) => item.name)

describe('SERVICES', () => {
  it('should offer the three electricity services on their own, and water, gas and telecom only alongside one', () => {
    expect(standaloneServices().map((s) => [s.code, s.name])).toEqual([
      ['resident', '居民新装'],
      ['lv-business', '低压非居民新装（小微企业）'],
      ['hv-10kv', '高压新装（10千伏）'],
    ])
    expect(joinableServices().map((s) => [s.code, s.utility, s.provider])).toEqual([
      ['water-connect', 'water', 'wz-water'],
      ['gas-connect', 'gas', 'wz-gas'],
      ['telecom-connect', 'telecom', 'wz-telecom'],
    ])
  })

  it('should name the recipient, purpose and data items of every added service, and label its figures as defaults', () => {
    for (const s of joinableServices()) {
      expect(s.sharing?.dataItems.length).toBeGreaterThan(0)
      expect(s.sharing?.purpose).toContain(s.utility === 'telecom' ? '宽带' : s.name.slice(0, 2))
      expect(s.feeYuan).toBeNull()
      expect(s.feeNote).toContain('默认值')
      expect(s.questions.length).toBeGreaterThan(0)
      expect(SUPPLIERS.find((p) => p.code === s.provider)?.defaultsLabel).toMatch(/^默认值，以.+答复为准$/)
    }
  })

  it.each(SERVICES.map((s) => [s.code, s] as const))('should make the stage limits of %s add up to its total', (_code, service) => {
    expect(service.stages.reduce((sum, stage) => sum + stage.limitDays, 0)).toBe(service.totalLimitDays)
  })

  it('should use the two stages 受理签约 and 施工接电 when the service is low voltage', () => {
    for (const code of ['resident', 'lv-business']) {
      expect(names(serviceByCode(code)!.stages)).toEqual(['受理签约', '施工接电'])
    }
  })

  it('should hold the binding 7-day maximum when the service is for small and micro businesses', () => {
    const lv = serviceByCode('lv-business')!
    expect([lv.totalLimitDays, lv.totalLimitSource, lv.totalLimitKind, lv.maxCapacityKw]).toEqual([7, 'seed', 'max', 160])
    expect(lv.stages.map((s) => [s.limitDays, s.limitSource])).toEqual([[1, 'default'], [6, 'default']])
  })

  it('should mark the 5-day resident limit as a default when the split is not public', () => {
    const resident = serviceByCode('resident')!
    expect([resident.totalLimitDays, resident.totalLimitSource]).toEqual([5, 'default'])
  })

  it('should hold the binding 28-day average when the service is 10 kV', () => {
    const hv = serviceByCode('hv-10kv')!
    expect([hv.totalLimitDays, hv.totalLimitSource, hv.totalLimitKind, hv.voltage]).toEqual([28, 'seed', 'average', '10kV'])
    expect(hv.stages.map((s) => [s.name, s.limitDays])).toEqual([
      ['申请受理', 1],
      ['供电方案答复', 10],
      ['外部工程实施', 12],
      ['装表接电', 5],
    ])
  })

  it('should put the three inspections inside 外部工程实施 with the section 3 materials', () => {
    const works = serviceByCode('hv-10kv')!.stages.find((s) => s.name === '外部工程实施')!
    expect(works.checkpoints!.map((c) => [c.name, c.limitDays, c.materials])).toEqual([
      ['设计审查', 4, ['design-qualification', 'design-documents']],
      ['中间检查', 3, ['construction-qualification', 'hidden-works-records']],
      ['竣工检验', 5, ['completion-report']],
    ])
    expect(works.checkpoints!.every((c) => c.description.includes('重要或有特殊负荷'))).toBe(true)
  })

  it('should fit the three inspections inside the limit of 外部工程实施', () => {
    const works = serviceByCode('hv-10kv')!.stages.find((s) => s.name === '外部工程实施')!
    expect(works.checkpoints!.reduce((n, c) => n + c.limitDays, 0)).toBe(works.limitDays)
  })

  it('should never ask a resident for a 统一社会信用代码', () => {
    expect(serviceByCode('resident')!.stages[0].materials).toEqual(['id-card', 'property-proof', 'agent-authorisation', 'agent-id'])
    expect(serviceByCode('lv-business')!.stages[0].materials).toContain('credit-code')
  })

  it('should charge nothing when any service is applied for, and say who pays for customer-side works at 10 kV', () => {
    expect(standaloneServices().map((s) => s.feeYuan)).toEqual([0, 0, 0])
    expect(serviceByCode('hv-10kv')!.feeNote).toContain('费用由您承担')
  })

  it('should ask for materials only at acceptance and the inspections when counting every stage', () => {
    const asked = SERVICES.flatMap((s) => s.stages.flatMap((st) => [st, ...(st.checkpoints ?? [])]))
    const withMaterials = asked.filter((st) => st.materials.length > 0).map((st) => st.name)
    expect(withMaterials).toEqual(['受理签约', '受理签约', '申请受理', '设计审查', '中间检查', '竣工检验'])
  })
})

describe('MATERIALS', () => {
  it('should name every material exactly as section 3 does', () => {
    expect(Object.values(MATERIALS).map((m) => m.name)).toEqual([
      '用电人有效身份证件',
      '统一社会信用代码',
      '用电地址物权证件',
      '授权委托书',
      '经办人有效身份证件',
      '用电工程项目批准文件',
      '设计单位资质证明材料',
      '用电工程设计及说明书',
      '施工单位资质证明材料',
      '隐蔽工程施工及试验记录',
      '工程竣工报告',
    ])
  })

  it('should key every material by its own code', () => {
    for (const [key, material] of Object.entries(MATERIALS)) expect(material.code).toBe(key)
  })

  it('should list the accepted property proofs and the optional 一证受理 undertaking', () => {
    const note = MATERIALS['property-proof'].note!
    expect(note).toContain('不动产权证书、购房合同，或租赁合同及出租方产权证明')
    expect(note).toContain('一证受理')
    expect(note).toContain('自愿')
  })

  it('should describe the completion report contents when shown to the applicant', () => {
    expect(MATERIALS['completion-report'].note).toBe('含竣工图纸、电气试验及保护整定调试记录、主要设备型式试验报告')
  })
})

describe('materialsFor', () => {
  const ask = (service: ServiceCode, business: boolean, agent: boolean) => codes(materialsFor(service, { business, agent }))

  it('should ask a resident applying in person for ID and property proof only', () => {
    expect(ask('resident', false, false)).toEqual(['id-card', 'property-proof'])
  })

  it('should add the credit code when a business applies at low voltage', () => {
    expect(ask('lv-business', true, false)).toEqual(['id-card', 'credit-code', 'property-proof'])
  })

  it('should add the authorisation letter and agent ID when an agent applies', () => {
    expect(ask('lv-business', true, true)).toEqual(['id-card', 'credit-code', 'property-proof', 'agent-authorisation', 'agent-id'])
    expect(ask('resident', false, true)).toEqual(['id-card', 'property-proof', 'agent-authorisation', 'agent-id'])
  })

  it('should add only the project approval when the service is high voltage', () => {
    expect(ask('hv-10kv', false, false)).toEqual(['id-card', 'property-proof', 'project-approval'])
    expect(ask('hv-10kv', true, true)).toEqual([
      'id-card', 'credit-code', 'property-proof', 'agent-authorisation', 'agent-id', 'project-approval',
    ])
  })

  it('should mark conditional materials with when they apply', () => {
    expect(MATERIALS['credit-code'].when).toBe('企业申请时')
    expect(MATERIALS['agent-id'].when).toBe('经办人代办时')
  })
})

describe('serviceForCapacity', () => {
  it('should keep low voltage when the capacity is 160 kW or less', () => {
    expect(serviceForCapacity('lv-business', 160)).toEqual({ service: 'lv-business' })
  })

  it('should move to 10 kV with an explanation when low voltage is asked for above 160 kW', () => {
    const result = serviceForCapacity('lv-business', 200)
    expect(result.service).toBe('hv-10kv')
    expect(result.reason).toContain('超过低压接入上限160千瓦')
  })

  it('should keep 10 kV when the applicant already chose it', () => {
    expect(serviceForCapacity('hv-10kv', 50)).toEqual({ service: 'hv-10kv' })
  })
})

describe('SUPPLIERS and serviceByCode', () => {
  it('should list both Wanzhou electricity enterprises, then one water, one gas and one telecom provider', () => {
    expect(SUPPLIERS.map((s) => [s.code, s.kind, s.name])).toEqual([
      ['sgcc-wanzhou', 'electricity', '国网万州供电分公司'],
      ['sanxia', 'electricity', '三峡水利'],
      ['wz-water', 'water', '万州区供水企业（示例）'],
      ['wz-gas', 'gas', '万州区燃气企业（示例）'],
      ['wz-telecom', 'telecom', '万州区通信运营商（示例）'],
    ])
  })

  it('should return undefined when the code is unknown', () => {
    expect(serviceByCode('gas')).toBeUndefined()
  })
})
