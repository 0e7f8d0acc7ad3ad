// Reading a pasted log: the kinds of log the knowledge base reads (GET /v1/diagnose/log-kinds, labels in the
// page's language) as the picker, then POST /v1/diagnose with the log under its kind and the answers so far,
// for the open article or, with none open, for every article, keeping the one whose symptom it shows most.
import { $, announce, api, element, setBusy, text } from './dom.js'
import { state } from './state.js'

/** Every registered kind as the API lists it: `{id, label, file, path, shortcut?, articles}`. */
let kinds = []

/** The strongest evidence first: a confirmed symptom, then a partial one. */
function strength(report) {
  const rank = { confirmed: 2, partial: 1, none: 0 }
  return Math.max(0, ...Object.values(report.logs).map((found) => rank[found.level]))
}

/** The kinds worth offering: those the open article reads, or those any article reads. */
function readKinds() {
  return kinds.filter((kind) =>
    state.article ? kind.articles.includes(state.article) : kind.articles.length > 0,
  )
}

/**
 * Load the log kinds; resolves to the problem when the API does not answer. The picker is drawn by
 * `showLogKinds`.
 */
export async function loadLogKinds() {
  const answer = await api('/v1/diagnose/log-kinds')
  if (!answer.ok) return answer.problem
  kinds = answer.body.kinds
  return undefined
}

/** Draw the picker for the open article (or for every article); the log form hides when no kind is read. */
export function showLogKinds() {
  const offered = readKinds()
  const checked = $('log-kinds').querySelector('input[name="kind"]:checked')?.value
  const selected = offered.some((kind) => kind.id === checked) ? checked : offered[0]?.id
  $('log-kinds').replaceChildren(
    ...offered.map((kind) =>
      element(
        'label',
        { class: 'choice' },
        element('input', {
          type: 'radio',
          name: 'kind',
          value: kind.id,
          checked: kind.id === selected,
        }),
        element(
          'span',
          {},
          kind.label,
          element('span', { class: 'hint log-path' }, text('log.path', { path: kind.path })),
        ),
      ),
    ),
  )
  $('log').hidden = offered.length === 0
}

/** A kind id, or a shortcut (`client`, `server`) as the id of the kind marked with it; else undefined. */
export function kindId(name) {
  return kinds.find((kind) => kind.id === name || kind.shortcut === name)?.id
}

/** A kind's label in the page's language (its id when the API did not list it). */
export function kindLabel(id) {
  return kinds.find((kind) => kind.id === id)?.label ?? id
}

/** What each log of one article's evidence report shows, one sentence per kind, with its fault IDs. */
export function evidenceSentences(report) {
  return Object.entries(report.logs).map(([kind, found]) => {
    const ids = [...new Set(found.files.flatMap((file) => file.faultIds ?? []))]
    const sentence = text(`evidence.${found.level}`, { log: kindLabel(kind) })
    return ids.length > 0 ? `${sentence} ${text('evidence.faultIds', { ids: ids.join(', ') })}` : sentence
  })
}

async function diagnose(log, kind) {
  const body = new FormData()
  body.append(kind, log)
  body.append('facts', JSON.stringify(state.facts))
  const scope = state.article ? `?article=${encodeURIComponent(state.article)}` : ''
  return api(`/v1/diagnose${scope}`, { method: 'POST', body })
}

function logError(message) {
  const error = $('log-error')
  error.textContent = message
  error.hidden = false
  $('log-text').setAttribute('aria-invalid', 'true')
  $('log-text').focus()
  announce(message)
}

/**
 * Diagnose a log as `kind`, or, when the kind is not known, as each kind offered in turn until one shows the
 * symptom. Resolves to the answer and the article it is about, or to nothing once the problem shows under
 * the log field.
 */
export async function readLog(log, kind) {
  $('log-error').hidden = true
  $('log-text').removeAttribute('aria-invalid')
  if (log.trim() === '') return logError(text('log.empty'))
  const tried = kind ? [kind] : readKinds().map((offered) => offered.id)
  if (tried.length === 0) return logError(text('log.noMatch'))
  setBusy(true)
  announce(text('log.busy'))
  let answer
  for (const each of tried) {
    answer = await diagnose(log, each)
    if (!answer.ok || answer.body.evidence.some((report) => strength(report) > 0)) break
  }
  setBusy(false)
  if (!answer.ok) return logError(text('error.generic', { detail: answer.problem.detail ?? '' }))
  if (state.article) return { body: answer.body, article: state.article }
  const best = [...answer.body.evidence].sort((a, b) => strength(b) - strength(a))[0]
  if (!best || strength(best) === 0) return logError(text('log.noMatch'))
  return { body: answer.body, article: best.article }
}
