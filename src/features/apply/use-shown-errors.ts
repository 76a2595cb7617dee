import { useEffect, useState } from 'react'
import type { FieldError } from '@/contract'
import { stillWrong } from './validate'

/**
 * The problems a page shows: set on Continue (or by the server), then kept in step with every edit: `recheck` says
 * what is wrong now and runs whenever one of `inputs` (what it reads) changes; a fixed problem leaves the summary
 * and its field at once, and a summary with none left goes.
 */
export function useShownErrors(recheck: () => FieldError[], inputs: readonly unknown[]) {
  const [errors, setErrors] = useState<FieldError[]>([])
  useEffect(() => {
    setErrors((shown) => stillWrong(shown, shown.length ? recheck() : []))
    // recheck is read afresh with its inputs; it is not a reason to re-check by itself
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, inputs)
  return [errors, setErrors] as const
}
