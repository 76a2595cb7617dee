import { validateStep, validateAll, stillWrong } from '../../../src/features/apply/validate'
import type { DraftAnswers } from '../../../src/features/apply/draft-answers'

const TODAY = '2026-11-26'
const messages = (step: Parameters<typeof validateStep>[0], a: DraftAnswers) => validateStep(step, a, TODAY).map((e) => `${e.path}: ${e.message}`)

describe('journey validation', () => {
  it('should ask for a service when none is chosen', () => {
    expect(messages('service', {})).toEqual(['service: 请选择办理的业务'])
  })

  it('should name every missing answer on the applicant page when nothing is filled', () => {
    expect(messages('applicant', {})).toEqual([
      'applicant.kind: 请选择以个人还是企业名义申请',
      'applicant.role: 请选择本人办理还是经办人代办',
      'applicant.mobile: 请输入手机号码',
    ])
  })

  it('should accept the 渝快办 mobile without a typed number when useIdentityMobile is set', () => {
    expect(messages('applicant', { applicant: { kind: 'individual', role: 'owner', useIdentityMobile: true } })).toEqual([])
  })

  it('should ask a business for its name and a well-formed credit code when they are missing or wrong', () => {
    const a: DraftAnswers = { applicant: { kind: 'business', role: 'owner', mobile: '13800138000', creditCode: '91350100M00010' } }
    const out = messages('applicant', a)
    expect(out[0]).toBe('applicant.businessName: 请输入企业名称（与营业执照一致）')
    expect(out[1]).toMatch(/^applicant\.creditCode: .*18位/)
  })

  it('should warn about a failing check character until the applicant confirms the code', () => {
    const base = { kind: 'business' as const, role: 'owner' as const, mobile: '13800138000', businessName: '万州演示商行', creditCode: '91350100M000100Y44' }
    const warned = messages('applicant', { applicant: base })
    expect(warned).toHaveLength(1)
    expect(warned[0]).toMatch(/^applicant\.creditCode: .*校验/)
    expect(messages('applicant', { applicant: { ...base, creditCodeConfirmed: true } })).toEqual([])
    expect(messages('applicant', { applicant: { ...base, creditCode: '91350100M000100Y43' } })).toEqual([])
  })

  it('should ask an agent for the authorisation letter', () => {
    expect(messages('applicant', { applicant: { kind: 'individual', role: 'agent', mobile: '13800138000' } }))
      .toEqual(['applicant.agentLetterUploadId: 请上传用电人签署的授权委托书'])
  })

  it('should refuse an unknown township and a too-short address', () => {
    expect(messages('address', { address: { townshipCode: '500101999', detail: '9号' } })).toEqual([
      'address.townshipCode: 请选择用电地址所在的乡镇街道',
      'address.detail: 请填写详细地址（路、门牌号等），至少4个字',
    ])
    expect(messages('address', { address: { townshipCode: '500101138', detail: '演示街9号' } })).toEqual([])
  })

  it('should point low voltage above 160 kW to the 10 kV service and refuse a past date', () => {
    expect(messages('load', { service: 'lv-business', load: { capacityKw: 161, use: 'shop', desiredDate: '2026-11-25' } })).toEqual([
      'load.capacityKw: 报装容量161千瓦，超过低压接入上限160千瓦，需按高压新装（10千伏）办理，请改选“高压新装（10千伏）”',
      'load.desiredDate: 期望接电日期不能早于今天，请重新选择',
    ])
    expect(messages('load', { service: 'hv-10kv', load: { capacityKw: 200, use: 'workshop' } })).toEqual([])
    expect(messages('load', { service: 'lv-business', load: { capacityKw: 0, use: 'shop' } })).toEqual(['load.capacityKw: 报装容量应大于0'])
  })

  it('should accept 一证受理 (property null) but not a missing decision', () => {
    const id = { idCard: { materialId: 'm1' } }
    expect(messages('licences', { materials: { ...id, property: null } })).toEqual([])
    expect(messages('licences', { materials: id })).toEqual(['materials.property: 请提供用电地址物权证明，或选择“一证受理”以后补交'])
  })

  it('should ask 10 kV applicants for the project approval and agents for their own ID', () => {
    const out = messages('licences', { service: 'hv-10kv', applicant: { role: 'agent' }, materials: { idCard: { materialId: 'm1' }, property: null } })
    expect(out).toEqual([
      'materials.agentIdCard: 请提供经办人本人的身份证件',
      'materials.projectApprovalUploadId: 请上传用电工程项目批准文件',
    ])
  })

  it('should tag every problem with the page that fixes it when checking all answers', () => {
    const all = validateAll({})
    expect(new Set(all.map((e) => e.step))).toEqual(new Set(['service', 'applicant', 'address', 'load', 'licences']))
  })
})

describe('the error summary after a failed Continue (stillWrong)', () => {
  const onContinue = validateStep('address', {}, TODAY)

  it('should shrink as fields are fixed, and be empty when none is left', () => {
    expect(onContinue.map((e) => e.path)).toEqual(['address.townshipCode', 'address.detail'])
    const townshipChosen = stillWrong(onContinue, validateStep('address', { address: { townshipCode: '500101001' } }, TODAY))
    expect(townshipChosen.map((e) => e.path)).toEqual(['address.detail'])
    expect(stillWrong(townshipChosen, validateStep('address', { address: { townshipCode: '500101001', detail: '白岩路128号2幢3-1' } }, TODAY))).toEqual([])
  })

  it('should add nothing new while the applicant edits, and keep the same list when nothing changed', () => {
    const one = [{ path: 'address.detail', message: '请填写详细地址（路、门牌号等），至少4个字' }]
    expect(stillWrong(one, [{ path: 'address.townshipCode', message: '请选择乡镇街道' }])).toEqual([])
    const now = [...one.map((e) => ({ ...e })), { path: 'address.townshipCode', message: '请选择乡镇街道' }]
    expect(stillWrong(one, now)).toBe(one)
    expect(stillWrong([], now)).toEqual([])
  })

  it('should say what is wrong with a field now when its problem changed (still wrong, in other words)', () => {
    const shown = [{ path: 'load.capacityKw', message: '请填写报装容量' }]
    expect(stillWrong(shown, [{ path: 'load.capacityKw', message: '报装容量须大于0' }])).toEqual([{ path: 'load.capacityKw', message: '报装容量须大于0' }])
  })
})
