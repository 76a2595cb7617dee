// npm run staff -- add USERNAME --name 显示名称 --role ROLE [--provider CODE] | password USERNAME | list
// Staff accounts of the database DATA_DIR / DB_FILE name (as the server reads them); safe while the server runs.
// A password comes from STAFF_PASSWORD or is generated and shown once; it is never stored in clear.
import { parseArgs } from 'node:util'
import { PROVIDER_CODES } from '../../src/core/providers'
import { STAFF_ROLE_CODES, STAFF_ROLES } from '../../src/core/staff-roles'
import { storageFromEnv } from '../config'
import { openDb } from '../db/open'
import { AccountRefused, addAccount, listAccounts, PASSWORD_RULE, resetPassword } from '../staff/account-admin'

const USAGE = [
  'usage: npm run staff -- add USERNAME --name 显示名称 --role ROLE [--provider CODE]',
  '       npm run staff -- password USERNAME      (a new password; ends the account\'s sign-ins)',
  '       npm run staff -- list',
  `  ROLE: ${STAFF_ROLE_CODES.map((r) => `${r} (${STAFF_ROLES[r].name})`).join(', ')}`,
  `  CODE: the enterprise of an agent or supervisor: ${PROVIDER_CODES.join(', ')}`,
  `  STAFF_PASSWORD=… sets the password (${PASSWORD_RULE}); otherwise one is generated and shown once`,
].join('\n')

function main(): number {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { name: { type: 'string' }, role: { type: 'string' }, provider: { type: 'string' } } })
  const [command, username] = positionals
  const { dbFile } = storageFromEnv()
  const db = openDb(dbFile, 'FULL')
  const say = (line: string) => process.stdout.write(`${line}\n`)
  const given = process.env.STAFF_PASSWORD || undefined
  try {
    if (command === 'list' && !username) {
      for (const a of listAccounts(db)) say(`${a.username.padEnd(16)} ${STAFF_ROLES[a.role].name.padEnd(6)} ${(a.provider ?? '-').padEnd(14)} ${a.displayName}${a.demo ? '  (演示)' : ''}`)
      return 0
    }
    if (command === 'add' && username && values.name && values.role) {
      const password = addAccount(db, { username, displayName: values.name, role: values.role, provider: values.provider, password: given }, new Date())
      say(`已添加 ${username}（${STAFF_ROLES[values.role as keyof typeof STAFF_ROLES].name}）`)
      if (!given) say(`初始密码（仅显示这一次，请当面或加密交给本人）：${password}`)
      return 0
    }
    if (command === 'password' && username) {
      const password = resetPassword(db, username, new Date(), given)
      say(`已为 ${username} 设置新密码，其现有登录已全部失效`)
      if (!given) say(`新密码（仅显示这一次）：${password}`)
      return 0
    }
    process.stderr.write(`${USAGE}\n`)
    return 2
  } catch (err) {
    if (err instanceof AccountRefused) {
      process.stderr.write(`未完成：${err.message}\n`)
      return 1
    }
    throw err
  } finally {
    db.close()
  }
}

process.exit(main())
