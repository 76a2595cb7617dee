import { DEMO_IDENTITIES } from '../../../mock/seed/demo-data'
import { idCheckChar } from '../../../src/core/validators'

/** Full ID numbers and mobiles of the demo identities: none may ever appear in a server log. */
const PERSONAL = DEMO_IDENTITIES.flatMap((d) => [d.id17 + idCheckChar(d.id17), d.mobile])
/** Anything shaped like a full ID number or mobile (domain.md section 5), as a second net. */
const SHAPES = [/(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/, /(?<!\d)1[3-9]\d{9}(?!\d)/]

/** The lines of a server's output that leak personal data; empty when the log is clean. */
export function leakedLines(output: string): string[] {
  return output.split('\n').filter((line) => PERSONAL.some((p) => line.includes(p)) || SHAPES.some((re) => re.test(line)))
}
