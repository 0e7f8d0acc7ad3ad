// Shared by the page's modules: the page strings, their interpolation, and small DOM helpers.
// Plain DOM and textContent only: no innerHTML.

/** The `web` strings, the articles, the fact vocabulary and the host origins (rendered by routes/page.ts). */
export const strings = JSON.parse(document.getElementById('strings').textContent)
export const lang = document.documentElement.lang
export const $ = (id) => document.getElementById(id)

/** A `web` string at a dotted path, `{{name}}` filled from `values`. */
export function text(path, values = {}) {
  const template = path.split('.').reduce((node, key) => node?.[key], strings)
  if (typeof template !== 'string') return path
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name) => String(values[name] ?? ''))
}

export function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === undefined) continue
    node.setAttribute(name, value === true ? '' : String(value))
  }
  for (const child of children) node.append(child)
  return node
}

/** `code` and **bold** of the localized messages, as DOM nodes. */
export function inline(message) {
  const fragment = document.createDocumentFragment()
  for (const part of message.split(/(`[^`]+`|\*\*[^*]+\*\*)/)) {
    if (part.startsWith('`') && part.endsWith('`') && part.length > 1)
      fragment.append(element('code', {}, part.slice(1, -1)))
    else if (part.startsWith('**') && part.endsWith('**') && part.length > 3)
      fragment.append(element('strong', {}, part.slice(2, -2)))
    else if (part) fragment.append(part)
  }
  return fragment
}

/** Mark the page busy for assistive technology and disable its buttons while a request runs. */
export function setBusy(busy) {
  document.body.setAttribute('aria-busy', busy ? 'true' : 'false')
  for (const button of document.querySelectorAll('button')) button.disabled = busy
}

/** Say `message` in the polite live region. */
export function announce(message) {
  const status = $('status')
  status.textContent = ''
  // A separate task, so screen readers notice the change even when the text repeats.
  setTimeout(() => {
    status.textContent = message
  }, 50)
}

/**
 * Call the API in the page's language. Resolves to `{ok, status, body, response}`; a network failure is a
 * problem whose detail is the localized `error.network`.
 */
export async function api(path, init) {
  let response
  try {
    response = await fetch(`${path}${path.includes('?') ? '&' : '?'}lang=${encodeURIComponent(lang)}`, init)
  } catch {
    return { ok: false, status: 0, problem: { detail: text('error.network') } }
  }
  const body = await response.json().catch(() => ({}))
  return response.ok
    ? { ok: true, status: response.status, body }
    : { ok: false, status: response.status, problem: body }
}

/** The summary of an article (title, numbers, log paths) the page was rendered with. */
export function articleById(id) {
  return strings.articles.find((article) => article.id === id)
}

/** The link that opens an article's check, in this language. */
export function articleHref(id) {
  return `/?lang=${encodeURIComponent(lang)}&article=${encodeURIComponent(id)}`
}
