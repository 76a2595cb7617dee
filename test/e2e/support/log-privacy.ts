import { DEMO_IDENTITIES } from '../../../mock/seed/demo-data'
import { idCheckChar } from '../../../src/core/validators'

/** Full ID numbers and mobiles of the demo identities: none may ever appear in a server log. */
const PERSONAL = DEMO_IDENTITIES.flatMap((d) => [d.id17 + idCheckChar(d.id17), d.mobile])
/**
 * Anything shaped like a full ID number or mobile (domain.md section 5), as a second net. Both stand alone: a run of
 * digits inside a hex request id (`0cf19022696290b6`), a millisecond timestamp or the fraction of a response time
 * (`"responseTime":207.8618490000008`) is neither.
 */
const STANDS_ALONE = String.raw`(?<![\dA-Za-z]|\d\.)`
const SHAPES = [new RegExp(String.raw`${STANDS_ALONE}\d{17}[\dXx](?![\dA-Za-z])`), new RegExp(String.raw`${STANDS_ALONE}(?:\+?86[- ]?)?1[3-9]\d{9}(?![\dA-Za-z])`)]

/** The lines of a server's output that leak personal data; empty when the log is clean. */
export function leakedLines(output: string): string[] {
  return output.split('\n').filter((line) => PERSONAL.some((p) => line.includes(p)) || SHAPES.some((re) => re.test(line)))
}
