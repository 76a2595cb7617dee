import type { PluginCreator } from 'postcss'

declare const iconAnimations: PluginCreator<void>
export = iconAnimations
