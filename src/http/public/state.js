// The answers of the guided check and where they live: the page's address (`?article=…&<fact>=<value>`),
// so a reload, a language switch or a host page's link keeps them, even in a sandboxed frame without storage.
import { lang, strings } from './dom.js'

const reserved = new Set(['lang', 'article', 'skipped'])
/** The facts the page can ask, by name: question, label, type and answers in the page's language. */
export const vocabulary = new Map(strings.facts.map((fact) => [fact.fact, fact]))

/** The open article, the answers by fact, and the facts the agent does not know. */
export const state = fromAddress()

/** Facts named in the query (`?wsusVersion=3.0%20SP1&office2003OnClients=true`), read by the vocabulary. */
function fromAddress() {
  const params = new URLSearchParams(window.location.search)
  const facts = {}
  for (const [name, value] of params) {
    const definition = vocabulary.get(name)
    if (reserved.has(name) || !definition) continue
    facts[name] =
      definition.type === 'boolean' && /^(true|false)$/i.test(value) ? /^true$/i.test(value) : value
  }
  const skipped = (params.get('skipped') ?? '').split(',').filter((name) => vocabulary.has(name))
  return { article: strings.article, facts, skipped }
}

/** The page's address for the current answers, in `language`. */
export function address(language = lang) {
  const params = new URLSearchParams({ lang: language })
  if (state.article) params.set('article', state.article)
  for (const [name, value] of Object.entries(state.facts)) params.set(name, String(value))
  if (state.skipped.length > 0) params.set('skipped', state.skipped.join(','))
  return `/?${params}`
}

/** Keep the answers in the address bar (not in history). */
export function remember() {
  try {
    window.history.replaceState(null, '', address())
  } catch {
    // Some sandboxed frames refuse it: the answers stay in memory.
  }
}
