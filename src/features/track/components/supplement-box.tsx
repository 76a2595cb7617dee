import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { MaterialView } from '@/contract/licences'
import type { Waiting } from '@/contract/progress'
import { MATERIALS, type MaterialCode } from '@/core/materials'
import { MAX_FILES_PER_MATERIAL } from '@/contract/constants'
import { FilePicker } from '@/features/apply/components/file-picker'
import { ProofSlot } from './proof-slot'
import './track.css'

export interface SupplementBoxProps {
  /** what the enterprise asked for */
  asked: Waiting['materials']
  lead: string
  returnTo: `/${string}`
  busy: boolean
  error: string
  onSubmit: (sent: { uploadIds: string[]; materialIds: string[] }) => void
}

/**
 * 补正: each asked material that an e-licence can stand for may be handed in the ways applying offers (渝快办, scan,
 * photo); photos or PDFs may stand for anything asked (a lease, a purchase contract), and are the only way for a
 * material no e-licence covers or a request that names none.
 */
export function SupplementBox({ asked, lead, returnTo, busy, error, onSubmit }: SupplementBoxProps) {
  const licences = asked.flatMap((m) => {
    const kind = MATERIALS[m.code as MaterialCode]?.licence
    return kind ? [{ ...m, kind }] : []
  })
  const [attached, setAttached] = useState<Record<string, MaterialView>>({})
  const [files, setFiles] = useState<string[]>([])
  const [missing, setMissing] = useState('')
  const submit = () => {
    const licencesLacking = licences.filter((l) => !attached[l.code]).map((l) => l.name)
    // files stand for whatever they show: with files, nothing is refused here (staff check them)
    if (files.length === 0 && (licencesLacking.length > 0 || licences.length < asked.length || asked.length === 0)) {
      return setMissing(licences.length ? `还缺：${licencesLacking.join('、') || '照片或PDF'}` : '请先上传照片或PDF')
    }
    setMissing('')
    onSubmit({ uploadIds: files, materialIds: Object.values(attached).map((v) => v.materialId) })
  }
  return (
    <View className='app-card'>
      <Text className='app-card__title'>提交补正材料</Text>
      <Text className='app-card__line'>{lead}</Text>
      {licences.map((l) => (
        <ProofSlot key={l.code} kind={l.kind} title={l.name} hint='任选一种方式：渝快办调取最快，无需拍照' returnTo={returnTo} attached={attached[l.code]}
          onAttach={(v) => setAttached((a) => ({ ...a, [l.code]: v }))} />
      ))}
      <View>
        {licences.length > 0 && <Text className='app-card__line'>或上传照片、PDF（如租赁合同、购房合同）</Text>}
        {files.length < MAX_FILES_PER_MATERIAL
          ? <FilePicker label='选择照片或PDF' doneLabel={`已上传${files.length}份`} againLabel={`再添加一份（最多${MAX_FILES_PER_MATERIAL}份）`} allowPdf uploaded={files.length > 0}
            onUploaded={(u) => setFiles((f) => [...f, u.uploadId])} />
          : <Text className='panel__status'>✓ 已上传{files.length}份（已达上限）</Text>}
        {files.length > 0 && <View className='upload-box__clear' role='button' onClick={() => setFiles([])}>清空，重新上传</View>}
      </View>
      {(missing || error) && <View className='panel__error' role='alert'>{missing || error}</View>}
      <Button block type='primary' size='large' loading={busy} disabled={busy} onClick={submit}>提交材料</Button>
    </View>
  )
}
