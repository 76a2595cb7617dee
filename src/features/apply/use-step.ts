import Taro, { useRouter } from '@tarojs/taro'
import type { FieldError } from '@/contract'
import { useDraft } from './stores/draft-store'
import { validateStep } from './validate'
import { useShownErrors } from './use-shown-errors'
import { nextStep, pagePath, type StepId } from './steps'

/** Opens a journey page; `from=check` makes its Continue return to the check page. */
export function openStep(id: StepId | 'result', query = ''): void {
  void Taro.navigateTo({ url: pagePath(id) + (query ? `?${query}` : '') })
}

/**
 * A journey page's Continue: validate this page; on error show them (summary + field) and stay;
 * otherwise save the draft (a lost network keeps it locally) and go on, or back to the check page.
 */
export function useStep(step: StepId, extraCheck?: () => FieldError[]) {
  const router = useRouter()
  const fromCheck = router.params.from === 'check'

  // Errors appear on Continue only; once shown, each one goes as soon as its field is fixed (no new ones appear).
  // The extra check may read the attached materials (the certificate's 坐落), so they are an input as well.
  const answers = useDraft((s) => s.answers)
  const materials = useDraft((s) => s.materials)
  const [errors, setErrors] = useShownErrors(() => [...validateStep(step, answers), ...(extraCheck?.() ?? [])], [answers, materials, step])
  const errorFor = (path: string) => errors.find((e) => e.path === path)?.message

  const proceed = async () => {
    const draft = useDraft.getState()
    const found = [...validateStep(step, draft.answers), ...(extraCheck?.() ?? [])]
    setErrors(found)
    if (found.length > 0) {
      void Taro.pageScrollTo({ scrollTop: 0, duration: 100 })
      return
    }
    const next = fromCheck ? 'check' : nextStep(step, draft.answers)
    draft.setPage(next === 'submit' ? 'check' : next)
    void draft.save().catch(() => undefined)
    if (fromCheck) void Taro.navigateBack()
    else if (next !== 'submit') openStep(next)
  }

  return { errors, errorFor, proceed, fromCheck }
}
