import fs from 'node:fs'
import path from 'node:path'
import { ERRORS } from '../../src/contract/errors'

describe('README', () => {
  const readme = fs.readFileSync(path.resolve(__dirname, '..', '..', 'README.md'), 'utf8')

  it('should document every API error code with its HTTP status', () => {
    for (const [code, { http }] of Object.entries(ERRORS)) {
      expect(readme).toMatch(new RegExp(`\\| \`${code}\` \\| ${http} \\|`))
    }
  })

  it('should give the two quick-start commands that package.json really has', () => {
    const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', 'package.json'), 'utf8'))
    expect(readme).toContain('npm install --no-audit --no-fund && npm start')
    expect(readme).toContain('npm test')
    expect(pkg.scripts.start).toBeDefined()
    expect(pkg.scripts.test).toBeDefined()
  })
})
