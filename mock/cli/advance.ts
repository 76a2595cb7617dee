// npm run mock:advance -- <number> [--to-end] [--supplement] [--pause] [--base http://127.0.0.1:3000] [--db path]
// Plays the supply enterprise for a demo: pushes the next realistic step of a case to the running mock server.
import Database from 'better-sqlite3'
import { configFromEnv } from '../config'
import type { Db } from '../db/open'
import { findApplication, loadCase } from '../progress/case'
import { closedRefusal } from '../push/transitions'
import { advanceCase } from './advance-case'

const USAGE = 'usage: npm run mock:advance -- <WZ number> [--to-end] [--supplement] [--pause] [--base http://127.0.0.1:3000] [--db path]\n'
const MAX_STEPS = 40

/** Nothing can be pushed to the case: a refusal (non-zero exit), not a usage error. */
class Refused extends Error {}

/** Why a closed case takes no more steps, e.g. '该办件已撤回，不能再记录办理环节' / 'withdrawn'. */
function closedWhy(db: Db, number: string): { zh: string; en: string } {
  const row = findApplication(db, number)
  const facts = row ? loadCase(db, row).facts : undefined
  return { zh: (facts && closedRefusal(facts)) ?? '该办件已终止', en: facts?.closed?.type ?? 'closed' }
}

function parseArgs(argv: string[]) {
  const config = configFromEnv()
  const args = { number: '', toEnd: false, supplement: false, pause: false, base: `http://${config.host}:${config.port}`, db: config.dbFile }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--to-end') args.toEnd = true
    else if (a === '--supplement') args.supplement = true
    else if (a === '--pause') args.pause = true
    else if (a === '--base' || a === '--db') args[a === '--base' ? 'base' : 'db'] = argv[++i] ?? ''
    else if (!a.startsWith('--') && !args.number) args.number = a
    else throw new Error(`unknown argument ${a}`)
  }
  if (!/^WZ\d{14}$/.test(args.number) || !args.base || !args.db) throw new Error('missing or malformed arguments')
  return args
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2))
  const db = new Database(args.db, { readonly: true, fileMustExist: true })
  try {
    for (let n = 0; n < (args.toEnd ? MAX_STEPS : 1); n++) {
      const first = n === 0
      const done = await advanceCase({ db, base: args.base, number: args.number, supplement: first && args.supplement, pause: first && args.pause })
      if (!done && first) {
        const why = closedWhy(db, args.number)
        throw new Refused(`${args.number}：${why.zh}，拒绝推送 / refused: the case is ${why.en}, nothing can be pushed`)
      }
      if (!done) {
        process.stdout.write(`${args.number}：已办结或已终止，无需推送 / nothing to push: the case is closed\n`)
        return
      }
      const eventId = done.answer.data?.results[0]?.eventId
      process.stdout.write(`${args.number}：已推送“${done.step.zh}” / pushed: ${done.step.en} (record ${done.recordId}, event ${eventId})\n`)
    }
  } finally {
    db.close()
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n${err instanceof Refused ? '' : USAGE}`)
  process.exit(1)
})
