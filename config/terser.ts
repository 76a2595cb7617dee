// terser for both builds (config/index.ts). Taro's defaults keep output to ES5, escape every non-ASCII character
// (each Chinese one as \uXXXX, 6 bytes instead of UTF-8's 3) and switch off most of terser's compression (inlining,
// variable reduction and collapsing, comparisons, …), an old create-react-app precaution. The code is ES2018
// (babel.config.js says why), so terser may write ES2018 too; its other defaults are the ones webpack's production
// builds use. Measured on the weapp main package: 390.0 → 381.6 KB. The H5 server sends scripts as UTF-8.
// `typeofs` stays off: it would turn `typeof x === 'undefined'` into `x === void 0`, and the runtime probes
// globals that a base library may not have.
export const terser = {
  enable: true,
  config: {
    compress: {
      ecma: 2018,
      arrows: true,
      collapse_vars: true,
      comparisons: true,
      computed_props: true,
      hoist_props: true,
      inline: true,
      loops: true,
      negate_iife: true,
      properties: true,
      reduce_funcs: true,
      reduce_vars: true,
      switches: true,
      passes: 2,
    },
    output: { ecma: 2018, ascii_only: false },
  },
}
