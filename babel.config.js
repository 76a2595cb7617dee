// Taro's babel preset, plus on-demand NutUI imports (component code and its CSS only).
// Also used by babel-jest: under Jest, NutUI resolves to its CommonJS build without CSS
// (the ES build and the full bundle do not load in Node).
const isTest = process.env.NODE_ENV === 'test'
const nutuiDir = isTest ? 'dist/cjs/packages' : 'dist/es/packages'

module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
  plugins: [
    [
      'import',
      {
        libraryName: '@nutui/nutui-react-taro',
        camel2DashComponentName: false,
        customName: (name) => `@nutui/nutui-react-taro/${nutuiDir}/${name.toLowerCase()}`,
        // `style` receives the path customName produced
        style: isTest ? false : (componentPath) => `${componentPath}/style/css`,
      },
      'nutui-react-taro',
    ],
  ],
}
