// Stands in for Taro's React View (@tarojs/components-react) in the H5 build (config/index.ts), with its class given
// as it renders. Taro's own keeps the class in state and copies a new one in an effect, so each change of class is
// drawn one frame late: the case page's header, a skeleton line until the case arrives, was drawn for a frame with
// the skeleton's class around the case's lines, and everything below it moved (CLS 0.233). The props are Taro's:
// hoverClass with hoverStartTime and hoverStayTime, onLongPress, the touch handlers passed on, the rest to the <div>.
import { createElement, forwardRef, useEffect, useRef, useState } from 'react'

function View({ className, hoverClass, hoverStartTime = 50, hoverStayTime = 400, onLongPress, onTouchStart, onTouchMove, onTouchEnd, children, ...rest }, ref) {
  const [hover, setHover] = useState(false)
  const touching = useRef(false)
  const timers = useRef({ hover: undefined, longPress: undefined })
  useEffect(() => () => { clearTimeout(timers.current.hover); clearTimeout(timers.current.longPress) }, [])

  const hoverAfter = (on, ms) => {
    clearTimeout(timers.current.hover)
    timers.current.hover = setTimeout(() => { if (touching.current === on) setHover(on) }, ms)
  }
  const start = (e) => {
    if (hoverClass) { touching.current = true; hoverAfter(true, hoverStartTime) }
    if (onLongPress) timers.current.longPress = setTimeout(() => onLongPress(), 350)
    if (onTouchStart) onTouchStart(e)
  }
  const move = (e) => {
    clearTimeout(timers.current.longPress)
    if (onTouchMove) onTouchMove(e)
  }
  const end = (e) => {
    clearTimeout(timers.current.longPress)
    if (hoverClass) { touching.current = false; hoverAfter(false, hoverStayTime) }
    if (onTouchEnd) onTouchEnd(e)
  }
  const classes = [className, hover && hoverClass].filter(Boolean).join(' ')
  return createElement('div', { ...rest, ref, className: classes || undefined, onTouchStart: start, onTouchMove: move, onTouchEnd: end }, children)
}

export default forwardRef(View)
