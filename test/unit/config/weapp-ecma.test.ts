import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { weappProblems } from '../../weapp/weapp-output'

/** A weapp output of one script, the smallest that `npm run check:weapp` reads. */
function outputWith(script: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wz-weapp-ecma-'))
  fs.writeFileSync(path.join(dir, 'app.json'), JSON.stringify({ pages: [] }))
  fs.writeFileSync(path.join(dir, 'app.js'), script)
  return dir
}

describe('check:weapp on the syntax of the weapp\'s scripts', () => {
  it('should accept ES2018: classes, async functions, object spread', () => {
    const dir = outputWith('class A{async f(o){return {...o,a:await 1}}}')
    expect(weappProblems(dir)).toEqual([])
  })

  it.each([
    ['optional chaining (ES2020)', 'var a={};a?.b'],
    ['nullish coalescing (ES2020)', 'var a=null;a??1'],
    ['optional catch binding (ES2019)', 'try{}catch{}'],
  ])('should refuse %s', (_, script) => {
    const problems = weappProblems(outputWith(script))
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/^app\.js is not ES2018/)
  })
})
