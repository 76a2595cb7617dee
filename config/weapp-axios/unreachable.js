// Stands in, in the weapp build (config/index.ts), for the parts of axios our requests never reach there: turning
// FormData into JSON and objects into url-encoded forms (every body is JSON; WeChat has no FormData) and
// CancelToken (nothing cancels a request). Reaching one is a bug to see at once, not a silent no-op.
export default function unreachable() {
  throw new Error('this part of axios is left out of the mini-program build (config/weapp-axios)')
}
