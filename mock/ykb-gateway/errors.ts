// One way to turn what the 渝快办 gateway says into our API's errors: 渝快办 unusable → YKB_UNAVAILABLE (nothing was
// written: callers call the gateway before their transaction); a refusal → the caller's own error for it.
import { AppError } from '../http/app-error'
import { YkbRefusal, YkbUnavailable } from './port'

export type RefusalMap = Record<string, (r: YkbRefusal) => AppError>

/** Runs a gateway call; `unavailableMessage` replaces the default Chinese message when the context needs another. */
export async function viaYkb<T>(call: () => Promise<T>, refusals: RefusalMap = {}, unavailableMessage?: string): Promise<T> {
  try {
    return await call()
  } catch (err) {
    if (err instanceof YkbUnavailable) throw new AppError('YKB_UNAVAILABLE', unavailableMessage)
    if (err instanceof YkbRefusal) {
      const mapped = refusals[err.code]
      // a refusal we did not expect is our request's fault, not the applicant's: say 渝快办 cannot be used now
      throw mapped ? mapped(err) : new AppError('YKB_UNAVAILABLE', unavailableMessage)
    }
    throw err
  }
}
