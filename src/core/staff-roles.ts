// What each staff role may do, as data: pages and the server ask these attributes, never a role's name.
export interface StaffRoleRules {
  name: string
  /** which cases it may find, read and act on: its own enterprise's, every enterprise's, or none (aggregates only) */
  cases: 'own' | 'all' | 'none'
  /** the enterprise's monthly dashboard, CSV and printable report */
  monthlyReport: boolean
  /** submits its enterprise's monthly report to the district (按月报送) */
  submitsReport: boolean
  /** reassigns a case to the other enterprise (改派) */
  reassigns: boolean
  /** registers 主动服务 leads for its own enterprise (new businesses, approved projects) */
  registersLeads: boolean
  /** the district's oversight: every enterprise side by side, the trend, the reports submitted */
  oversight: boolean
  /** the personal-data access log and sign-in locks */
  admin: boolean
  /** where the role lands after signing in */
  home: string
}

export const STAFF_ROLES = {
  agent: { registersLeads: true, name: '客服', cases: 'own', monthlyReport: false, submitsReport: false, reassigns: false, oversight: false, admin: false, home: '/packages/staff/pages/search/index' },
  supervisor: { registersLeads: true, name: '班长', cases: 'own', monthlyReport: true, submitsReport: true, reassigns: true, oversight: false, admin: false, home: '/packages/staff/pages/search/index' },
  admin: { registersLeads: false, name: '管理员', cases: 'all', monthlyReport: true, submitsReport: false, reassigns: true, oversight: true, admin: true, home: '/packages/staff/pages/search/index' },
  /** 区经济和信息化委员会: oversees every enterprise, sees no personal data and acts on no case */
  district: { registersLeads: false, name: '区经信委', cases: 'none', monthlyReport: false, submitsReport: false, reassigns: false, oversight: true, admin: false, home: '/packages/oversight/pages/month/index' },
} as const satisfies Record<string, StaffRoleRules>

export type StaffRoleCode = keyof typeof STAFF_ROLES
export const STAFF_ROLE_CODES = Object.keys(STAFF_ROLES) as [StaffRoleCode, ...StaffRoleCode[]]
export const roleRules = (role: StaffRoleCode | undefined): StaffRoleRules | undefined => (role ? STAFF_ROLES[role] : undefined)
