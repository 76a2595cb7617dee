/**
 * The personal-information notice shown before any ID data or image is collected (个人信息保护法
 * Art. 29–30: separate consent, stating necessity and impact). One place for its words; bump
 * CONSENT_VERSION in src/contract/constants.ts when they change.
 */
export const CONSENT_NOTICE: { heading: string; text: string }[] = [
  {
    heading: '我们收集什么',
    text: '姓名、公民身份号码、手机号码、用电地址；您授权调取或出示的身份证、不动产权证书电子证照。只有在电子证照无法调取时，才需要您拍摄证件照片。不收集民族等与办电无关的信息。',
  },
  {
    heading: '为什么必须收集',
    text: '供电企业受理用电申请时须核验用电人身份和用电地址物权，并据此签订供用电合同。不提供这些信息，就无法在线受理您的申请。',
  },
  {
    heading: '会对您产生什么影响',
    text: '身份证件号码和证件照片属于敏感个人信息，一旦泄露可能影响您的人身和财产安全。我们只在办电需要时使用，传输和存储时加密保护，页面上只显示部分号码。',
  },
  {
    heading: '保存多久',
    text: '申请信息在业务办结后按供电档案规定期限保存；证件照片在工作人员核验后30天内删除。未提交的草稿在30天后删除。',
  },
  {
    heading: '谁能看到',
    text: '只有受理您申请的供电企业（国网万州供电分公司或三峡水利）的经办人员，每一次查看都会被记录。我们不会将您的信息用于其他用途，也不会提供给其他单位。',
  },
  {
    heading: '您的权利',
    text: '您可以随时查阅、更正您的信息，或撤回本同意。撤回后已提交的申请继续办理，但不能再在线提交新的申请。',
  },
]
