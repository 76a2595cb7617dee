import { View, Text, Checkbox, Label } from '@tarojs/components'
import type { MaterialView } from '@/contract/licences'
import { isUsable } from '@/contract/constants'
import { fieldAnchor } from '@/components/form/field'
import { asksFor, serviceByCode } from '@/core/services'
import { StepPage } from '@/features/apply/components/step-page'
import { LicenceSlot } from '@/features/apply/components/licences/licence-slot'
import { FilePicker } from '@/features/apply/components/file-picker'
import { useDraft } from '@/features/apply/stores/draft-store'
import { useStep } from '@/features/apply/use-step'
import { useAuthorisedFetch } from '@/features/apply/use-authorised-fetch'

type Slot = 'idCard' | 'property' | 'agentIdCard'

/** Step 5: the heart of the journey. E-licences first (authorised retrieval, 亮证 scan), photos only as a fallback. */
export default function LicencesPage() {
  const answers = useDraft((s) => s.answers)
  const views = useDraft((s) => s.materials)
  const update = useDraft((s) => s.update)
  const remember = useDraft((s) => s.rememberMaterial)
  const { errors, errorFor, proceed } = useStep('licences')
  const m = answers.materials ?? {}
  const agent = answers.applicant?.role === 'agent'
  const service = serviceByCode(answers.service ?? '')
  const useCause = `办理用电报装：${service?.name ?? '新装'}`

  const attach = (slot: Slot, v: MaterialView) => {
    remember(v)
    if (isUsable(v)) update('materials', { [slot]: { materialId: v.materialId } })
  }
  const viewOf = (ref: { materialId?: string } | null | undefined) => (ref?.materialId ? views[ref.materialId] : undefined)
  const refusedOf = (kind: MaterialView['kind']) =>
    Object.values(views).find((v) => v.kind === kind && !isUsable(v))

  // The signed-in user's own licences: the applicant's when applying for themselves, the agent's own ID otherwise.
  const fetcher = useAuthorisedFetch(useCause, (list) => {
    for (const v of list) attach(v.kind === 'id-card' ? (agent ? 'agentIdCard' : 'idCard') : 'property', v)
  })
  const own = (kinds: MaterialView['kind'][]) => ({ busy: !!fetcher.busy, run: () => void fetcher.run(kinds) })
  const oneCert = m.property === null
  // While the one-tap retrieval is offered, the per-section 渝快办 buttons would only repeat it.
  const oneTap = !agent && !m.idCard && m.property === undefined

  return (
    <StepPage step='licences' errors={errors} onContinue={() => void proceed()}
      lead='能用电子证照的，不用拍照、不用填写。只需要下面这些，不会多要。'>
      {fetcher.messages.form && <View className='panel__error' role='alert'>{fetcher.messages.form}</View>}
      {oneTap && (
        <View className='licence-section'>
          <Text className='licence-section__title'>一键调取身份证和不动产权证书</Text>
          <Text className='licence-section__hint'>从渝快办电子证照库调取您本人的证照。用证事由：{useCause}。证照只用于本次申请。</Text>
          <View className='licence-action licence-action--primary' role='button' aria-busy={!!fetcher.busy}
            onClick={() => void fetcher.run(['id-card', 'property'])}>
            <Text className='licence-action__label'>{fetcher.busy ? '正在调取…' : '同意并一键调取'}</Text>
            <Text className='licence-action__sub'>无需拍照、无需填写证件号</Text>
          </View>
        </View>
      )}
      <LicenceSlot
        kind='id-card' anchor={fieldAnchor('materials.idCard')} error={errorFor('materials.idCard')}
        title={agent ? '用电人的身份证件' : '身份证件'}
        hint={answers.applicant?.kind === 'business' ? '法定代表人的有效身份证件' : '用电人本人的有效身份证件'}
        attached={viewOf(m.idCard)} refused={agent ? undefined : refusedOf('id-card')}
        onAttach={(v) => attach('idCard', v)} whose={agent ? 'principal' : 'own'}
        authorised={agent || oneTap ? undefined : own(['id-card'])}
      />
      {fetcher.messages['id-card'] && <View className='notice'>{fetcher.messages['id-card']}</View>}
      {agent && (
        <LicenceSlot
          kind='id-card' anchor={fieldAnchor('materials.agentIdCard')} error={errorFor('materials.agentIdCard')}
          title='经办人（您本人）的身份证件' hint='代办时需要经办人本人的有效身份证件'
          attached={viewOf(m.agentIdCard)} refused={refusedOf('id-card')}
          onAttach={(v) => attach('agentIdCard', v)} authorised={own(['id-card'])} whose='own'
        />
      )}
      <LicenceSlot
        kind='property' anchor={fieldAnchor('materials.property')} error={errorFor('materials.property')}
        title='用电地址物权证明' hint='不动产权证书、购房合同，或租赁合同及出租方产权证明'
        attached={viewOf(m.property)} refused={agent ? undefined : refusedOf('property')}
        onAttach={(v) => attach('property', v)}
        authorised={agent || oneTap || fetcher.messages.property ? undefined : own(['property'])}
        extra={
          <View className={`choice${oneCert ? ' choice--selected' : ''}`} role='radio' aria-checked={oneCert}
            onClick={() => update('materials', { property: null })}>
            <View className='choice__mark' aria-hidden>{oneCert ? '✓' : ''}</View>
            <View className='choice__body'>
              <Text className='choice__label'>暂时没有，先凭身份证受理（一证受理）</Text>
              <Text className='choice__description'>物权证明可以以后补交，不影响受理</Text>
            </View>
          </View>
        }
      />
      {fetcher.messages.property && <View className='notice'>{fetcher.messages.property}</View>}
      {oneCert && (
        <View className='info'>
          <Text>已选择一证受理。是否承诺补交由您自愿决定，不承诺也可以受理。</Text>
          <Label className='confirm-row'>
            <Checkbox value='undertake' checked={!!m.propertyUndertaking}
              onClick={() => update('materials', { propertyUndertaking: !m.propertyUndertaking })} />
            <Text>我愿意在施工接电前补交物权证明（可不选）</Text>
          </Label>
        </View>
      )}
      {asksFor(serviceByCode(answers.service ?? ''), 'project-approval') && (
        <View id={fieldAnchor('materials.projectApprovalUploadId')} className={`licence-section${errorFor('materials.projectApprovalUploadId') ? ' licence-section--error' : ''}`}>
          <Text className='licence-section__title'>用电工程项目批准文件</Text>
          <Text className='licence-section__hint'>高压新装需要项目核准或备案文件</Text>
          {errorFor('materials.projectApprovalUploadId') && <View className='panel__error' role='alert'>{errorFor('materials.projectApprovalUploadId')}</View>}
          <FilePicker label='上传批准文件（照片或PDF）' doneLabel='批准文件已上传' allowPdf uploaded={!!m.projectApprovalUploadId}
            onUploaded={(u) => update('materials', { projectApprovalUploadId: u.uploadId })} />
        </View>
      )}
    </StepPage>
  )
}
