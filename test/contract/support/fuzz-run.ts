// Runs the fuzz properties: one fast-check property per route against a server started once per describe.
import fc from 'fast-check'
import { endpoints, type EndpointId, type ErrorCode } from '../../../src/contract'
import { documentedErrors } from '../../../src/contract/endpoint'
import { healthSchema } from '../../../src/contract/system'
import type { InProcess } from './in-process'
import { contractCases, type ContractCase, type RouteSample, type Tokens } from './fuzz-contract'
import {
  changedTables, checkCommon, checkRefusal, checkSuccess, fail, send, tableCounts, Tally, type Answer, type FuzzRequest,
} from './fuzz-http'

/**
 * FUZZ_SEED replays a run; CI (CI=true) runs a fixed seed so a red build is reproducible; elsewhere a random seed,
 * for a wider hunt. The seed is printed in the summary and by fast-check on failure.
 */
export const CI_SEED = 20261205
export const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED)
  : process.env.CI === 'true' ? CI_SEED : (Date.now() ^ Math.floor(Math.random() * 2 ** 31)) >>> 0
/** Cases per route; FUZZ_RUNS raises it for a longer hunt. */
export const RUNS = Number(process.env.FUZZ_RUNS ?? 70)
export const tally = new Tally()
/** Per route, codes answered that the endpoint does not list in its `errors` (reported, not failed). */
export const unlisted = new Map<string, Set<string>>()

const ALWAYS: ErrorCode[] = ['VALIDATION_FAILED', 'BAD_REQUEST', 'UNSUPPORTED_MEDIA_TYPE', 'PAYLOAD_TOO_LARGE']

/** Sends one case, checks the answer, and counts it; tables must not change when it was refused. */
export async function runCase(
  s: InProcess, route: string, r: FuzzRequest,
  check: (a: Answer) => string | undefined, ignoreTables: readonly string[] = [],
): Promise<void> {
  const before = tableCounts(s.db)
  const a = await send(s.url, r)
  let code: string | undefined
  try {
    checkCommon(r, a)
    code = check(a)
    if (a.status >= 400) {
      const changed = changedTables(before, tableCounts(s.db), ignoreTables)
      if (changed.length) fail(`a refused request changed stored rows: ${changed.join(', ')}`, r, a)
    }
  } finally {
    tally.add(route, a, code)
  }
}

function checkContractAnswer(id: EndpointId, c: ContractCase, a: Answer): string | undefined {
  const e = endpoints[id]
  if (a.status >= 400) {
    const code = checkRefusal(c, a, c.expect.allowed)
    const listed: readonly string[] = documentedErrors(e)
    if (c.routed && !listed.includes(code) && !ALWAYS.includes(code)) {
      const key = `${e.method} ${e.path}`
      unlisted.set(key, (unlisted.get(key) ?? new Set()).add(code))
    }
    return code
  }
  if (a.status >= 300) return fail('a JSON route answered a redirect', c, a)
  if (!c.expect.mayPass) return fail('accepted a request the contract refuses', c, a)
  if (id === 'health') {
    if (!healthSchema.safeParse(JSON.parse(a.text)).success) fail('health answer breaks its schema', c, a)
  } else if (id === 'staffReportCsv' || id === 'oversightCsv') {
    if (!a.contentType.startsWith('text/csv')) fail('report is not CSV', c, a)
  } else if (id === 'contractPdf' || id === 'staffContractPdf') {
    if (!a.contentType.startsWith('application/pdf')) fail('contract served with an unexpected type', c, a)
  } else if (id === 'staffUpload') {
    if (!/^(image\/jpeg|image\/png|application\/pdf)/.test(a.contentType)) fail('file served with an unexpected type', c, a)
  } else {
    checkSuccess(c, a, e.response)
  }
  return '00'
}

export interface RouteSpec {
  id: EndpointId
  sample: () => RouteSample
  /** tables a refused request may change by design (e.g. a correctly signed push spends its nonce) */
  ignoreTables?: readonly string[]
  /** signs a request body (push routes), with one header spoiled when `spoil` is given */
  sign?: (text: string, spoil?: string) => Record<string, string>
  /** run after the property: undo what valid cases changed that later routes rely on */
  after?: () => void
}

/** One property over a contract route: generated hostile requests, each checked against the contract's verdict. */
export async function fuzzRoute(s: InProcess, spec: RouteSpec, tokens: Tokens, runs = RUNS): Promise<void> {
  const e = endpoints[spec.id]
  const route = `${e.method} ${e.path}`
  await fc.assert(
    fc.asyncProperty(contractCases(e, spec.sample(), tokens, spec.sign), (c) =>
      runCase(s, route, c, (a) => checkContractAnswer(spec.id, c, a), spec.ignoreTables)),
    { numRuns: runs, seed: SEED },
  )
  spec.after?.()
}
