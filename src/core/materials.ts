// Application materials, exactly as section 3 of the domain reference (the 2021 Wanzhou plan)
// lists them. The app may ask for nothing that is not here.

export type MaterialCode =
  | 'id-card'
  | 'credit-code'
  | 'property-proof'
  | 'agent-authorisation'
  | 'agent-id'
  | 'project-approval'
  | 'design-qualification'
  | 'design-documents'
  | 'construction-qualification'
  | 'hidden-works-records'
  | 'completion-report'

/** `when`: the condition under which it is asked for, e.g. '企业申请时' / '经办人代办时'. */
export interface Material {
  code: MaterialCode
  name: string
  note?: string
  when?: string
  /** an e-licence kind that can stand for it: fetched with the holder's authorisation, scanned, or photographed */
  licence?: 'id-card' | 'property'
}

export const MATERIALS: Record<MaterialCode, Material> = {
  'id-card': { code: 'id-card', name: '用电人有效身份证件', note: '企业申请时为法定代表人的有效身份证件', licence: 'id-card' },
  'credit-code': { code: 'credit-code', name: '统一社会信用代码', when: '企业申请时' },
  'property-proof': {
    code: 'property-proof',
    name: '用电地址物权证件',
    note:
      '不动产权证书、购房合同，或租赁合同及出租方产权证明。暂时无法提供的，可凭身份证件“一证受理”，之后再补交；' +
      '是否作出补交承诺由您自愿选择，不强制签署承诺书',
    licence: 'property',
  },
  'agent-authorisation': { code: 'agent-authorisation', name: '授权委托书', when: '经办人代办时' },
  'agent-id': { code: 'agent-id', name: '经办人有效身份证件', when: '经办人代办时' },
  'project-approval': { code: 'project-approval', name: '用电工程项目批准文件' },
  'design-qualification': { code: 'design-qualification', name: '设计单位资质证明材料' },
  'design-documents': { code: 'design-documents', name: '用电工程设计及说明书' },
  'construction-qualification': { code: 'construction-qualification', name: '施工单位资质证明材料' },
  'hidden-works-records': { code: 'hidden-works-records', name: '隐蔽工程施工及试验记录' },
  'completion-report': {
    code: 'completion-report',
    name: '工程竣工报告',
    note: '含竣工图纸、电气试验及保护整定调试记录、主要设备型式试验报告',
  },
}

/** Materials asked for at acceptance (受理) of a low-voltage application, before conditions apply. */
export const LV_ACCEPT_MATERIALS: MaterialCode[] = ['id-card', 'credit-code', 'property-proof', 'agent-authorisation', 'agent-id']
/** High voltage asks for the same plus the project approval. */
export const HV_ACCEPT_MATERIALS: MaterialCode[] = [...LV_ACCEPT_MATERIALS, 'project-approval']
