// Static check of the weapp build: what WeChat DevTools would refuse (bad JSON, missing pages, unresolved
// components, unknown app.json keys). Run after `npm run build:weapp`. Exits 1 on any problem.
import { readAppJson, weappProblems, WEAPP_DIR } from './weapp-output'

const problems = weappProblems()
const app = readAppJson()
const subs = app.subPackages ?? []
process.stdout.write(`weapp output ${WEAPP_DIR}: ${app.pages.length} main pages, ${subs.length} subpackages ` +
  `(${subs.map((s) => `${s.root}: ${s.pages.length} pages`).join(', ') || 'none'})\n`)
if (problems.length) {
  process.stderr.write(`weapp check failed:\n${problems.map((p) => `  - ${p}`).join('\n')}\n`)
  process.exit(1)
}
process.stdout.write('weapp check: ok\n')
