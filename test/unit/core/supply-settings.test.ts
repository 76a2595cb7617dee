import { applySupplyOverride, BUNDLED_SUPPLY_SETTINGS as BUNDLED, servicesUnder, SUPPLIER_RULE, supplierFor, withStageLimits } from '@/core/supply-settings'
import { SERVICE_CODES, serviceByCode, type Service } from '@/core/services'
import { TOWNSHIPS } from '@/core/wanzhou'

const sanxiaNames = (suppliers: Record<string, string>) => TOWNSHIPS.filter((t) => suppliers[t.code] === 'sanxia').map((t) => t.name)
const limitsOf = (s: Service) => s.stages.map((st) => st.limitDays)

describe('bundled supplier split', () => {
  it('should assign the documented default set to 三峡水利 and the rest to 国网', () => {
    expect(sanxiaNames(BUNDLED.suppliers)).toEqual(['长滩镇', '太安镇', '白土镇', '梨树乡', '普子乡', '地宝土家族乡', '恒合土家族乡', '黄柏乡', '茨竹乡'])
    expect(Object.keys(BUNDLED.suppliers)).toHaveLength(52)
  })

  it('should give every 街道 to 国网万州供电分公司', () => {
    expect(TOWNSHIPS.filter((t) => t.kind === '街道').every((t) => BUNDLED.suppliers[t.code] === 'sgcc-wanzhou')).toBe(true)
  })

  it('should say the rule is a configurable default to be confirmed', () => {
    expect(SUPPLIER_RULE.source).toBe('default')
    expect(SUPPLIER_RULE.description).toContain('未公开')
    expect(SUPPLIER_RULE.description).toContain('配置')
  })

  it('should explain the supplier when the township is known', () => {
    expect(supplierFor(BUNDLED, '500101155')).toEqual({ supplier: 'sanxia', reason: expect.stringContaining('长滩镇默认由三峡水利供电') })
    expect(supplierFor(BUNDLED, '500101138').supplier).toBe('sgcc-wanzhou')
  })

  it('should fall back to 国网 and ask staff to confirm when the code is unknown', () => {
    expect(supplierFor(BUNDLED, '500101999')).toEqual({ supplier: 'sgcc-wanzhou', reason: expect.stringContaining('未能识别') })
  })

  it('should hold every stage and checkpoint limit of the service table', () => {
    expect(BUNDLED.stageLimits['hv-10kv']).toEqual({ 'apply-accept': 1, 'supply-plan': 10, 'external-works': 12, 'design-review': 4, 'mid-inspection': 3, 'completion-inspection': 5, 'meter-connect': 5 })
    expect(servicesUnder(BUNDLED).map(limitsOf)).toEqual(SERVICE_CODES.map((c) => limitsOf(serviceByCode(c) as Service)))
    expect(BUNDLED.stageLimits['water-connect']).toEqual({ accept: 1, 'survey-design': 3, 'build-supply': 5 })
  })
})

describe('applySupplyOverride', () => {
  it('should move a township by code or by full name and leave the others alone', () => {
    const { settings, problems } = applySupplyOverride(BUNDLED, { suppliers: { 500101155: 'sgcc-wanzhou', 龙驹镇: 'sanxia' } })
    expect(problems).toEqual([])
    expect(settings?.suppliers['500101155']).toBe('sgcc-wanzhou')
    expect(settings?.suppliers['500101151']).toBe('sanxia')
    expect(sanxiaNames(settings?.suppliers ?? {})).toHaveLength(9)
    expect(settings?.stageLimits).toEqual(BUNDLED.stageLimits)
  })

  it('should change stage limits and keep the others of the service', () => {
    const { settings } = applySupplyOverride(BUNDLED, { stageLimits: { 'lv-business': { 'accept-sign': 2, 'build-connect': 5 } } })
    expect(settings?.stageLimits['lv-business']).toEqual({ 'accept-sign': 2, 'build-connect': 5 })
    expect(settings?.stageLimits.resident).toEqual(BUNDLED.stageLimits.resident)
    const lv = withStageLimits(serviceByCode('lv-business') as Service, settings?.stageLimits['lv-business'])
    expect(limitsOf(lv)).toEqual([2, 5])
    expect(lv.totalLimitDays).toBe(7)
  })

  it('should change a 10 kV checkpoint limit inside its stage', () => {
    const { settings } = applySupplyOverride(BUNDLED, { stageLimits: { 'hv-10kv': { 'design-review': 3 } } })
    const hv = withStageLimits(serviceByCode('hv-10kv') as Service, settings?.stageLimits['hv-10kv'])
    expect(hv.stages[2].checkpoints?.map((c) => c.limitDays)).toEqual([3, 3, 5])
  })

  it.each([
    [{ supplier: {} }, '未知的设置项 supplier（可用：suppliers、stageLimits）'],
    [[], '应为 JSON 对象'],
    [{ suppliers: ['长滩镇'] }, 'suppliers 应为对象'],
    [{ suppliers: { 长滩: 'sanxia' } }, 'suppliers.长滩：不是万州区的乡镇（街道）代码或全称'],
    [{ suppliers: { 长滩镇: 'sgcc' } }, 'suppliers.长滩镇：供电企业应为 sgcc-wanzhou 或 sanxia'],
    [{ stageLimits: { lv: {} } }, 'stageLimits.lv：业务代码应为 resident、lv-business、hv-10kv'],
    [{ stageLimits: { resident: 3 } }, 'stageLimits.resident 应为对象'],
    [{ stageLimits: { resident: { survey: 1 } } }, 'stageLimits.resident.survey：居民新装没有此环节（可用：accept-sign、build-connect）'],
    [{ stageLimits: { resident: { 'accept-sign': 0 } } }, 'stageLimits.resident.accept-sign：应为1到60之间的整数（工作日）'],
    [{ stageLimits: { resident: { 'accept-sign': 1.5 } } }, 'stageLimits.resident.accept-sign：应为1到60之间的整数（工作日）'],
    [{ stageLimits: { resident: { 'accept-sign': '2' } } }, 'stageLimits.resident.accept-sign：应为1到60之间的整数（工作日）'],
    [{ stageLimits: { 'lv-business': { 'build-connect': 7 } } }, 'stageLimits.lv-business：低压非居民新装（小微企业）各环节时限合计8个工作日，超过全流程7个工作日'],
    [{ stageLimits: { 'hv-10kv': { 'design-review': 6 } } }, 'stageLimits.hv-10kv：外部工程实施内各检验时限合计14个工作日，超过该环节的12个工作日'],
  ])('should refuse %j, naming the problem', (override, message) => {
    const { settings, problems } = applySupplyOverride(BUNDLED, override)
    expect(settings).toBeUndefined()
    expect(problems).toEqual([expect.stringContaining(message)])
  })

  it('should name every problem of a file at once', () => {
    const { problems } = applySupplyOverride(BUNDLED, { suppliers: { 长滩: 'sanxia', 太安镇: 'x' }, stageLimits: { resident: { 'accept-sign': -1 } }, extra: 1 })
    expect(problems).toHaveLength(4)
  })
})
