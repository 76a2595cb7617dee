import type { LicenceKind, MaterialView } from '@/contract/licences'
import { LicenceSlot } from '@/features/apply/components/licences/licence-slot'
import { useAuthorisedFetch } from '@/features/apply/use-authorised-fetch'

export interface ProofSlotProps {
  kind: LicenceKind
  title: string
  hint: string
  /** the case page, to come back to after a 渝快办 authorisation */
  returnTo: `/${string}`
  attached?: MaterialView
  onAttach: (view: MaterialView) => void
}

/**
 * A licence handed in after submission (一证受理's property proof, a 补正), in the same ways as when applying:
 * fetched from 渝快办 with the applicant's authorisation, a 亮证 or certificate QR scanned, or a photo or PDF.
 */
export function ProofSlot({ kind, title, hint, returnTo, attached, onAttach }: ProofSlotProps) {
  const fetcher = useAuthorisedFetch('补交用电报装材料', (views) => {
    const found = views.find((v) => v.kind === kind)
    if (found) onAttach(found)
  }, returnTo)
  const missing = fetcher.messages[kind] ?? fetcher.messages.form
  return (
    <LicenceSlot kind={kind} title={title} hint={hint} anchor={`proof-${kind}`} attached={attached} onAttach={onAttach}
      error={missing} authorised={{ busy: fetcher.busy !== null, run: () => void fetcher.run([kind]) }} />
  )
}
