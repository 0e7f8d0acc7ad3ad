// Reading a pasted log: POST /v1/diagnose with the answers so far, for the open article or, with none open,
// for every article, keeping the one whose symptom the log shows most clearly.
import { $, announce, api, setBusy, text } from './dom.js'
import { state } from './state.js'

/** The strongest evidence first: a confirmed symptom, then a partial one. */
function strength(report) {
  const rank = { confirmed: 2, partial: 1, none: 0 }
  return Math.max(0, ...Object.values(report.logs).map((found) => rank[found.level]))
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
 * Diagnose a log as `kind`, or as a client log then a server log when the kind is not known. Resolves to the
 * answer and the article it is about, or to nothing once the problem shows under the log field.
 */
export async function readLog(log, kind) {
  $('log-error').hidden = true
  $('log-text').removeAttribute('aria-invalid')
  if (log.trim() === '') return logError(text('log.empty'))
  setBusy(true)
  announce(text('log.busy'))
  let answer
  for (const side of kind ? [kind] : ['client', 'server']) {
    answer = await diagnose(log, side)
    // Evidence comes by log kind; the page sends its log through the `client` or `server` shortcut.
    if (answer.ok) for (const report of answer.body.evidence) report.side = side
    if (!answer.ok || answer.body.evidence.some((report) => strength(report) > 0)) break
  }
  setBusy(false)
  if (!answer.ok) return logError(text('error.generic', { detail: answer.problem.detail ?? '' }))
  if (state.article) return { body: answer.body, article: state.article }
  const best = [...answer.body.evidence].sort((a, b) => strength(b) - strength(a))[0]
  if (!best || strength(best) === 0) return logError(text('log.noMatch'))
  return { body: answer.body, article: best.article }
}
