// "Copy reply": the verdict, reasons and steps as plain text for a ticket. The API's own text answer
// (`POST /v1/check?format=text`) when the server has it, else the same built from the JSON answer.
import { $, announce, articleById, text } from './dom.js'
import { evidenceSentences } from './log.js'

const plain = (message) => message.replace(/\*\*([^*]+)\*\*/g, '$1').replace(/`([^`]+)`/g, '$1')

/** The reply built from check or diagnose results: a heading per block, one line per item. */
export function replyFromResults(results, evidence = []) {
  const lines = []
  for (const result of results) {
    const article = articleById(result.article)
    if (article) lines.push(article.title, '')
    lines.push(text('result.heading', { verdict: result.verdictLabel }))
    const evidenceLines = evidence
      .filter((report) => report.article === result.article)
      .flatMap(evidenceSentences)
    if (evidenceLines.length > 0) {
      lines.push('', text('result.evidence'))
      for (const sentence of evidenceLines) lines.push(`- ${sentence}`)
    }
    const reasons = [...result.reasons.filter((reason) => reason.status === 'decided'), ...result.conflicts]
    if (reasons.length > 0) {
      lines.push('', text('result.reasons'))
      for (const reason of reasons) {
        lines.push(`- ${plain(reason.message)}`)
        for (const detail of reason.details) lines.push(`  - ${plain(detail)}`)
      }
    }
    if (result.verdict === 'unknown' && result.questions.length > 0) {
      lines.push('', text('result.missing'))
      for (const question of result.questions) lines.push(`- ${question.question}`)
    }
    if (result.actions.length > 0) {
      lines.push('', text('result.steps'))
      result.actions.forEach((action, index) => {
        const condition = action.condition ? `${plain(action.condition)} ` : ''
        lines.push(`${index + 1}. ${condition}${plain(action.message)}`)
      })
    }
    lines.push('')
  }
  return `${lines.join('\n').trimEnd()}\n`
}

/** Copy `reply` to the clipboard; where a sandboxed frame forbids it, show it selected for Ctrl+C. */
export async function copyReply(reply) {
  const area = $('reply-text')
  area.value = reply
  try {
    await navigator.clipboard.writeText(reply)
    $('reply-block').hidden = true
    return announce(text('result.copied'))
  } catch {
    // No clipboard permission (a sandboxed frame): the older command still works on a selection.
  }
  $('reply-block').hidden = false
  area.focus()
  area.select()
  let copied = false
  try {
    copied = document.execCommand('copy')
  } catch {
    copied = false
  }
  announce(text(copied ? 'result.copied' : 'result.copyManual'))
}
