// Test-only preload (node --require): shifts this process's clock by the offset in milliseconds written in the
// file named by VIRTUAL_CLOCK_FILE, re-read on every reading, so a test can move the mock server (and the push
// CLI, which signs with its own clock) days ahead while both keep running. Timers are not affected.
// Without VIRTUAL_CLOCK_FILE it does nothing.
const fs = require('node:fs')

const file = process.env.VIRTUAL_CLOCK_FILE
if (file) {
  const RealDate = Date
  const offset = () => {
    try {
      return Number(fs.readFileSync(file, 'utf8').trim()) || 0
    } catch {
      return 0
    }
  }
  const now = () => RealDate.now() + offset()
  function VirtualDate(...args) {
    if (!new.target) return new RealDate(now()).toString()
    return args.length === 0 ? new RealDate(now()) : new RealDate(...args)
  }
  VirtualDate.prototype = RealDate.prototype
  VirtualDate.now = now
  VirtualDate.parse = RealDate.parse
  VirtualDate.UTC = RealDate.UTC
  globalThis.Date = VirtualDate
}
