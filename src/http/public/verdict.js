// The verdict step: what the logs show, why, what is still needed, what to do, and where to read more.
import { $, announce, articleById, element, inline, lang, text } from './dom.js'
import { evidenceSentences } from './log.js'

/** Show check or diagnose `results` (and the log `evidence`), move focus to the verdict and announce it. */
export function renderVerdict(results, evidence) {
  const main = results[0]
  const section = $('result')
  const labels = results.map((result) => result.verdictLabel).join(', ')
  const heading = $('verdict-heading')
  heading.textContent = text('result.heading', { verdict: labels })
  section.className = `verdict-${main.verdict}`

  const evidenceList = $('evidence')
  evidenceList.replaceChildren()
  for (const report of evidence.filter((candidate) => candidate.article === main.article)) {
    for (const sentence of evidenceSentences(report)) evidenceList.append(element('li', {}, sentence))
  }
  $('evidence-block').hidden = evidenceList.childElementCount === 0

  const reasons = $('reasons')
  reasons.replaceChildren()
  for (const result of results) {
    for (const reason of [...result.reasons.filter((r) => r.status === 'decided'), ...result.conflicts]) {
      const item = element('li', { 'data-rule': reason.rule }, inline(reason.message))
      if (reason.details.length > 0)
        item.append(element('ul', {}, ...reason.details.map((detail) => element('li', {}, inline(detail)))))
      reasons.append(item)
    }
  }
  $('reasons-block').hidden = reasons.childElementCount === 0

  const missing = $('missing')
  missing.replaceChildren()
  for (const result of results.filter((r) => r.verdict === 'unknown')) {
    for (const question of result.questions) missing.append(element('li', {}, question.question))
  }
  $('missing-block').hidden = missing.childElementCount === 0

  const steps = $('steps')
  steps.replaceChildren()
  for (const result of results) {
    for (const action of result.actions) {
      const item = element('li', { 'data-action': action.id })
      if (action.condition)
        item.append(element('span', { class: 'condition' }, inline(action.condition)), ' ')
      item.append(inline(action.message))
      steps.append(item)
    }
  }
  $('steps-block').hidden = steps.childElementCount === 0

  const links = $('links')
  links.replaceChildren()
  for (const result of results) {
    // Only the documents the article declares; their titles name the links.
    for (const { doc, title } of articleById(result.article)?.documents ?? []) {
      const href = `/v1/articles/${encodeURIComponent(result.article)}/${doc}?lang=${encodeURIComponent(lang)}&format=html`
      links.append(
        element(
          'li',
          {},
          element('a', { href, target: '_blank', rel: 'noopener' }, text('result.documentLink', { title })),
        ),
      )
    }
  }
  $('links-block').hidden = links.childElementCount === 0
  section.hidden = false
  heading.focus()
  announce(text('result.ready', { verdict: labels }))
}
