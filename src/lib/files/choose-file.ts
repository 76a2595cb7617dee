import Taro from '@tarojs/taro'

export interface ChosenFile {
  path: string
  size: number
  name: string
}

/** Mini-program: camera or album for photos; PDFs from a chat (the only file source WeChat offers). */
export async function chooseFile(opts: { allowPdf: boolean }): Promise<ChosenFile | null> {
  try {
    if (opts.allowPdf) {
      const { tapIndex } = await Taro.showActionSheet({ itemList: ['拍照或从相册选择', '从聊天记录选择PDF'] })
      if (tapIndex === 1) {
        const r = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['pdf'] })
        const f = r.tempFiles[0]
        return f ? { path: f.path, size: f.size, name: f.name } : null
      }
    }
    const r = await Taro.chooseMedia({ count: 1, mediaType: ['image'], sourceType: ['camera', 'album'], sizeType: ['compressed'] })
    const f = r.tempFiles[0]
    return f ? { path: f.tempFilePath, size: f.size, name: f.tempFilePath.split('/').pop() ?? 'photo.jpg' } : null
  } catch {
    return null // cancelled
  }
}
