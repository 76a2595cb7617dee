// The mini-program draws NutUI's Button with WeChat's own button: nothing to correct (app-web.h5.ts is the web's).
export {}
