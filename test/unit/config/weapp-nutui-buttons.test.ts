import fs from 'node:fs'
import path from 'node:path'
import postcss from 'postcss'
import ts from 'typescript'
import nutuiButtons from '../../../config/weapp-nutui-buttons'

const { USED } = nutuiButtons
const BUTTON_CSS = '/app/node_modules/@nutui/nutui-react-taro/dist/es/packages/button/style/style.css'
const SRC = path.resolve(__dirname, '..', '..', '..', 'src')

const run = async (css: string, from = BUTTON_CSS) => (await postcss([nutuiButtons()]).process(css, { from })).css

/** Every NutUI <Button> in src: its file, line and the attributes that choose its classes. */
function nutuiButtonsInSrc(): { where: string; attrs: Map<string, string | undefined> }[] {
  const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true })
    .flatMap((d) => d.isDirectory() ? walk(path.join(dir, d.name)) : [path.join(dir, d.name)])
  const found: { where: string; attrs: Map<string, string | undefined> }[] = []
  for (const file of walk(SRC).filter((f) => f.endsWith('.tsx'))) {
    const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX)
    const names = new Set<string>()
    sf.statements.forEach((s) => {
      if (!ts.isImportDeclaration(s) || (s.moduleSpecifier as ts.StringLiteral).text !== '@nutui/nutui-react-taro') return
      const bindings = s.importClause?.namedBindings
      if (bindings && ts.isNamedImports(bindings)) bindings.elements.forEach((e) => { if ((e.propertyName ?? e.name).text === 'Button') names.add(e.name.text) })
    })
    if (names.size === 0) continue
    const visit = (n: ts.Node): void => {
      if ((ts.isJsxOpeningElement(n) || ts.isJsxSelfClosingElement(n)) && names.has(n.tagName.getText())) {
        const attrs = new Map<string, string | undefined>()
        n.attributes.properties.forEach((a) => {
          if (!ts.isJsxAttribute(a)) attrs.set('{...}', undefined)
          else attrs.set(a.name.getText(), a.initializer && ts.isStringLiteral(a.initializer) ? a.initializer.text : a.initializer ? '{expression}' : 'true')
        })
        const { line } = sf.getLineAndCharacterOfPosition(n.getStart())
        found.push({ where: `${path.relative(SRC, file)}:${line + 1}`, attrs })
      }
      ts.forEachChild(n, visit)
    }
    visit(sf)
  }
  return found
}

describe('the weapp build\'s trim of NutUI\'s Button stylesheet', () => {
  it('should know every NutUI Button in src: a type and size it keeps the styles of, no fill, shape, colour or icon', () => {
    const buttons = nutuiButtonsInSrc()
    expect(buttons.length).toBeGreaterThan(10)
    const outside = buttons.flatMap(({ where, attrs }) => {
      const type = attrs.has('type') ? attrs.get('type') : 'default'
      const size = attrs.has('size') ? attrs.get('size') : 'normal'
      return [
        ...(USED.types.includes(type ?? '') ? [] : [`${where}: type ${type}`]),
        ...(USED.sizes.includes(size ?? '') ? [] : [`${where}: size ${size}`]),
        ...['fill', 'shape', 'color', 'icon', 'rightIcon', '{...}'].filter((a) => attrs.has(a)).map((a) => `${where}: ${a}`),
      ]
    })
    expect(outside).toEqual([])
  })

  it('should keep the rules the app\'s Buttons can match and drop the others', async () => {
    const css = [
      '.nut-button{position:relative}',
      '.nut-button-large{height:40px}',
      '.nut-button-small{height:28px}',
      '.nut-button-primary-solid{font-weight:600}',
      '.nut-button-primary-solid.nut-button-small,.nut-button-primary-solid.nut-button-mini{font-weight:400}',
      '.nut-button-danger-disabled,.nut-button-danger-solid-disabled{opacity:.5}',
      '.nut-button-warning{color:orange}',
      '.nut-button-primary-outline{background:none}',
      '.nut-button-large .nut-button-text{margin-left:6px}',
      '.nut-rtl .nut-button-text,[dir=rtl] .nut-button-text{margin-left:0}',
      '.nut-button-wrap .nut-icon{width:14px}',
    ].join('')
    expect(await run(css)).toBe([
      '.nut-button{position:relative}',
      '.nut-button-large{height:40px}',
      '.nut-button-primary-solid{font-weight:600}',
      '.nut-button-danger-disabled{opacity:.5}',
      '.nut-button-large .nut-button-text{margin-left:6px}',
      '.nut-button-wrap .nut-icon{width:14px}',
    ].join(''))
  })

  it('should leave every other stylesheet as it is', async () => {
    const css = '.nut-button-warning{color:orange}'
    expect(await run(css, '/app/src/app.css')).toBe(css)
  })
})
