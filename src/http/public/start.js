// The first step when no article is open: the list of articles, and the search (an error code, a sentence
// or log lines) when the server has `GET /v1/search`.
import { $, announce, api, articleById, articleHref, element, lang, strings, text } from './dom.js'

function articleItem(id, title, snippet) {
  const item = element('li', {}, element('a', { href: articleHref(id) }, title))
  if (snippet) item.append(element('p', { class: 'snippet' }, snippet))
  return item
}

/** Show the start step; `onLog(text)` diagnoses log lines pasted into the search box. */
export function showStart(onLog) {
  $('start').hidden = false
  $('article-list').replaceChildren(
    ...strings.articles.map((article) => articleItem(article.id, article.title)),
  )
  $('search-form').onsubmit = (event) => onSearch(event, onLog)
  probeSearch()
}

/** The search box shows only where the server answers `GET /v1/search` (it is newer than the page). */
async function probeSearch() {
  let response
  try {
    response = await fetch(`/v1/search?q=KB&lang=${encodeURIComponent(lang)}`)
  } catch {
    return
  }
  $('search-form').hidden = response.status === 404 || response.status === 405
}

function searchError(message) {
  const error = $('search-error')
  error.textContent = message
  error.hidden = !message
  if (message) announce(message)
}

async function onSearch(event, onLog) {
  event.preventDefault()
  const query = $('search-text').value.trim()
  searchError('')
  if (query === '') {
    $('search-text').focus()
    return searchError(text('search.empty'))
  }
  // Several lines are a pasted log: diagnose them rather than search for them.
  if (query.split(/\r?\n/).filter((line) => line.trim() !== '').length > 1) return onLog(query)
  const answer = await api(`/v1/search?q=${encodeURIComponent(query)}`)
  if (!answer.ok) return searchError(text('error.generic', { detail: answer.problem.detail ?? '' }))
  const seen = new Set()
  const items = []
  for (const hit of answer.body.results ?? []) {
    if (seen.has(hit.article)) continue
    seen.add(hit.article)
    // A hit may be a section: name the article by its own title.
    const title = articleById(hit.article)?.title ?? hit.title ?? hit.article
    items.push(articleItem(hit.article, title, hit.snippet))
  }
  $('search-results').replaceChildren(...items)
  $('search-results-block').hidden = false
  if (items.length === 0) {
    $('search-results').append(element('li', {}, text('search.none', { query })))
  }
  announce(text('search.found', { count: items.length }))
}
