import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import { taroStorage } from '@/lib/storage/taro-storage'
import { systemFontScale } from './system-font-scale'

/** 大字模式: the user's own choice, else the platform's font setting (WeChat's 字体大小). */
interface FontScaleState {
  largeText: boolean | null
  toggle: () => void
}

export const LARGE_TEXT_SCALE = 1.3

export const useFontScaleStore = create<FontScaleState>()(
  persist((set, get) => ({
    largeText: null,
    toggle: () => set({ largeText: !(get().largeText ?? systemFontScale() > 1) }),
  }), { name: 'wz-a11y', storage: taroStorage, version: 1 }),
)

/** The scale every text size multiplies by (CSS variable --wz-font-scale). */
export function useFontScale(): number {
  const largeText = useFontScaleStore((s) => s.largeText)
  if (largeText === null) return systemFontScale()
  return largeText ? Math.max(LARGE_TEXT_SCALE, systemFontScale()) : 1
}

/** Style for a page's root element: the variable is inherited by everything inside. */
export function useFontScaleStyle(): Record<string, string> {
  return { '--wz-font-scale': String(useFontScale()) }
}
