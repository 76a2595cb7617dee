// What a 一件事 costs the applicant at 提交: the submit's answer time with water, gas and broadband added against
// electricity only, on the same server in the same run, alternating (so load and warm-up fall on both alike). The
// server is the real one (in this process, on a file database in WAL mode, dispatching to its simulators as the
// demo does); each submit a fresh draft of 李明远's, signed; only the submit request itself is timed.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { AnswersInput } from '../../../src/contract/answers'
import { DEMO, newDraft, readyApplicant, shopAnswers, signedBody, submit, type Ready } from '../../contract/support/fixtures'
import { startInProcess } from '../../contract/support/in-process'

export interface SubmitLatency {
  samples: number
  electricity: { p50: number; p99: number }
  joint: { p50: number; p99: number }
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0
const summary = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b)
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99) }
}

const withParts = (answers: AnswersInput): AnswersInput => ({
  ...answers,
  joint: [
    { service: 'water-connect', answers: { waterUse: 'business', people: 6 }, consent: 'given' },
    { service: 'gas-connect', answers: { appliances: 'commercial' }, consent: 'given' },
    { service: 'telecom-connect', answers: { bandwidth: '300' }, consent: 'given' },
  ],
})

async function timedSubmit(li: Ready, answers: AnswersInput): Promise<number> {
  const body = await signedBody(li, await newDraft(li), answers)
  const t0 = process.hrtime.bigint()
  await submit(li, body)
  return Number(process.hrtime.bigint() - t0) / 1e6
}

/** `pairs` submits of each kind, alternating, after `warmUp` of each; milliseconds. */
export async function measureSubmitLatency(pairs: number, warmUp = 20): Promise<SubmitLatency> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wz-bench-submit-'))
  const s = await startInProcess({ dbFile: path.join(dir, 'wanzhou.db'), uploadsDir: path.join(dir, 'uploads'), logLevel: 'silent' })
  try {
    const li = await readyApplicant(s, DEMO.li)
    const electricityOnly = shopAnswers(li)
    const joint = withParts(electricityOnly)
    const times = { electricity: [] as number[], joint: [] as number[] }
    for (let i = 0; i < warmUp + pairs; i++) {
      // which kind goes first alternates too
      const order = i % 2 === 0 ? (['electricity', 'joint'] as const) : (['joint', 'electricity'] as const)
      for (const kind of order) {
        const ms = await timedSubmit(li, kind === 'joint' ? joint : electricityOnly)
        if (i >= warmUp) times[kind].push(ms)
      }
    }
    return { samples: pairs, electricity: summary(times.electricity), joint: summary(times.joint) }
  } finally {
    await s.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
