// The page as a helpdesk sidebar: messages to and from the host page that frames it. Only the origins
// allowed to frame the page (`kb serve --frame-ancestors`) are trusted, in both directions.
import { strings } from './dom.js'

const framed = window.parent !== window
/** The host's origin once known: from `location.ancestorOrigins`, or from its first accepted message. */
let hostOrigin = framed ? allowed(window.location.ancestorOrigins?.[0]) : undefined

/** Does a CSP source expression (`https://*.example.com`, `http://host:8080`, `*`, `'self'`) match `origin`? */
function matches(source, origin) {
  if (source === '*') return true
  const url = safeUrl(origin)
  if (!url) return false
  if (source === "'self'") return origin === new URL(window.location.href).origin
  const parsed = /^(?:([a-z][a-z0-9+.-]*):\/\/)?(\*\.)?([^/:]+)(?::(\d+|\*))?\/?$/i.exec(source)
  if (!parsed) return false
  const [, scheme, wildcard, host, port] = parsed
  if (scheme && `${scheme.toLowerCase()}:` !== url.protocol) return false
  const hostname = url.hostname.toLowerCase()
  const wanted = host.toLowerCase()
  if (wildcard ? !hostname.endsWith(`.${wanted}`) : hostname !== wanted) return false
  const defaultPort = url.protocol === 'https:' ? '443' : '80'
  return port === '*' || (port ?? defaultPort) === (url.port || defaultPort)
}

function safeUrl(text) {
  try {
    return new URL(text)
  } catch {
    return undefined
  }
}

function allowed(origin) {
  if (typeof origin !== 'string' || origin === 'null') return undefined
  return strings.embedOrigins.some((source) => matches(source, origin)) ? origin : undefined
}

/** Post a message to the host page: to its known origin, else to each exact allowed origin. */
export function post(message) {
  if (!framed) return
  if (hostOrigin) return window.parent.postMessage(message, hostOrigin)
  for (const source of strings.embedOrigins) {
    if (source === '*') window.parent.postMessage(message, '*')
    else if (/^https?:\/\/[^*]+$/i.test(source)) window.parent.postMessage(message, source.replace(/\/$/, ''))
  }
}

/**
 * Listen to the host page: `{type: "kb-advisor:facts", facts}` and `{type: "kb-advisor:log", log, kind?}`
 * (`kind` a log kind id or shortcut)
 * from an allowed origin reach `handlers.facts(facts)` and `handlers.log(log, kind)`.
 */
export function listen(handlers) {
  window.addEventListener('message', (event) => {
    if (event.source !== window.parent || !allowed(event.origin)) return
    const data = event.data
    if (!data || typeof data !== 'object') return
    hostOrigin = event.origin
    if (data.type === 'kb-advisor:facts' && data.facts && typeof data.facts === 'object')
      handlers.facts(data.facts)
    else if (data.type === 'kb-advisor:log' && typeof data.log === 'string')
      handlers.log(data.log, typeof data.kind === 'string' ? data.kind : undefined)
  })
}

/** Tell the host the page's height whenever it changes, so the frame can fit it without a scroll bar. */
export function reportHeight() {
  if (!framed || typeof ResizeObserver !== 'function') return
  let last = 0
  new ResizeObserver(() => {
    const height = Math.ceil(document.body.getBoundingClientRect().height)
    if (height === last) return
    last = height
    post({ type: 'kb-advisor:resize', height })
  }).observe(document.body)
}
