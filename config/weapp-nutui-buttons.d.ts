import type { PluginCreator } from 'postcss'

declare const nutuiButtons: PluginCreator<void> & {
  /** The NutUI Button types and sizes the app uses, whose styles the weapp build keeps. */
  USED: { types: string[]; sizes: string[] }
}
export = nutuiButtons
