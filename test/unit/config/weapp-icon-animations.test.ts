import postcss from 'postcss'
import iconAnimations from '../../../config/weapp-icon-animations'

const ICON_CSS = '/app/node_modules/@nutui/icons-react-taro/dist/style_icon.css'
const css = [
  '.nut-icon{display:inline-block}',
  '.nut-icon-loading{animation:rotation 1s infinite linear}',
  '.nut-icon-am-jump{-webkit-animation-name:nutJump;animation-name:nutJump}',
  '.nut-icon-am-rotate{animation-name:rotation}',
  '@keyframes rotation{to{transform:rotate(360deg)}}',
  '@-webkit-keyframes nutJump{to{opacity:0}}',
  '@keyframes nutJump{to{opacity:0}}',
].join('')

const run = async (from: string) => (await postcss([iconAnimations()]).process(css, { from })).css

describe('the weapp build\'s trim of NutUI\'s icon animations', () => {
  it('should drop the nut-icon-am-* classes and the keyframes only they use, and keep the loading spinner\'s', async () => {
    const out = await run(ICON_CSS)
    expect(out).not.toContain('nut-icon-am-')
    expect(out).not.toContain('nutJump')
    expect(out).toContain('.nut-icon-loading{animation:rotation 1s infinite linear}')
    expect(out).toContain('@keyframes rotation')
    expect(out).toContain('.nut-icon{display:inline-block}')
  })

  it('should leave every other stylesheet as it is', async () => {
    expect(await run('/app/src/app.css')).toBe(css)
  })
})
