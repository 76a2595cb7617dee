/**
 * Demo data seeded on first start, all marked demo = 1. The identities are fictitious; their ID numbers
 * are built with a valid check character so the whole journey can run on them.
 */
export interface DemoIdentity {
  key: string
  name: string
  /** first 17 digits; the check character is computed at seed time */
  id17: string
  mobile: string
  /** what this identity demonstrates */
  role: string
  licences: ('id-card' | 'property' | 'id-card-expired' | 'property-cancelled')[]
}

export const DEMO_IDENTITIES: DemoIdentity[] = [
  {
    key: 'ykb-demo-li', name: '李明远', id17: '50010119850612231', mobile: '13800138000',
    role: '小微企业主：身份证和不动产权证书电子证照齐全', licences: ['id-card', 'property'],
  },
  {
    key: 'ykb-demo-wang', name: '王芳', id17: '50010119900315162', mobile: '13900139000',
    role: '居民：只有身份证电子证照，没有不动产权电子证照（一证受理）', licences: ['id-card'],
  },
  {
    key: 'ykb-demo-zhao', name: '赵强', id17: '50010119780220451', mobile: '13700137000',
    role: '异常演示：身份证电子证照已过期，不动产权证书已注销', licences: ['id-card-expired', 'property-cancelled'],
  },
]

/** Staff accounts; any that is missing is added at every start, so databases from before keep up. */
export const DEMO_STAFF = [
  { username: 'gw-kefu', password: 'Demo-gw-2026', displayName: '国网万州客服（演示）', role: 'agent', supplier: 'sgcc-wanzhou' },
  { username: 'sx-kefu', password: 'Demo-sx-2026', displayName: '三峡水利客服（演示）', role: 'agent', supplier: 'sanxia' },
  { username: 'gw-banzhang', password: 'Demo-gw-bz-2026', displayName: '国网万州供电分公司班长（演示）', role: 'supervisor', supplier: 'sgcc-wanzhou' },
  { username: 'sx-banzhang', password: 'Demo-sx-bz-2026', displayName: '三峡水利班长（演示）', role: 'supervisor', supplier: 'sanxia' },
  { username: 'gs-kefu', password: 'Demo-gs-2026', displayName: '供水企业客服（演示）', role: 'agent', supplier: 'wz-water' },
  { username: 'rq-kefu', password: 'Demo-rq-2026', displayName: '燃气企业客服（演示）', role: 'agent', supplier: 'wz-gas' },
  { username: 'kd-kefu', password: 'Demo-kd-2026', displayName: '通信运营商客服（演示）', role: 'agent', supplier: 'wz-telecom' },
  { username: 'wz-admin', password: 'Demo-admin-2026', displayName: '万州办电管理员（演示）', role: 'admin', supplier: null },
  { username: 'wz-jxw', password: 'Demo-jxw-2026', displayName: '万州区经济和信息化委员会（演示）', role: 'district', supplier: null },
] as const

/** Issuing authorities (USCC first 17 chars; check character computed at seed time). */
export const ISSUERS = {
  police: { name: '重庆市公安局万州区分局', code17: '11500101009000123' },
  realEstate: { name: '重庆市万州区规划和自然资源局', code17: '11500101MB1534567' },
}

export const LICENCE_TYPES = {
  idCard: { code: '11100000000013127D001', name: '居民身份证' },
  property: { code: '11100000MB03271699001', name: '不动产权证书' },
}
