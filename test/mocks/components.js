// Minimal stand-ins for @tarojs/components under Jest (jsdom): plain DOM elements.
const React = require('react')
const make = (tag) => {
  const C = React.forwardRef(({ children, onClick, className, ...rest }, ref) =>
    React.createElement(tag, { ref, onClick, className, ...rest }, children))
  return C
}
module.exports = {
  View: make('div'), Text: make('span'), Button: make('button'), Input: make('input'),
  Image: make('img'), ScrollView: make('div'), Form: make('form'), Label: make('label'),
  Textarea: make('textarea'), Picker: make('div'), RadioGroup: make('div'), Radio: make('input'),
  Checkbox: make('input'), CheckboxGroup: make('div'), Switch: make('input'),
}
