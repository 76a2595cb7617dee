// H5: the stylesheet only the web build needs (app-web.css says why); the mini-program's twin is app-web.ts.
import './app-web.css'
