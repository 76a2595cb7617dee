// Stands in, in both builds (config/axios-stubs/index.ts), for the parts of axios our requests never reach: turning
// FormData into JSON and objects into url-encoded forms (every body is JSON) and CancelToken (nothing cancels a
// request that way). Reaching one is a bug to see at once, not a silent no-op.
export default function unreachable() {
  throw new Error('this part of axios is left out of the build (config/axios-stubs)')
}
