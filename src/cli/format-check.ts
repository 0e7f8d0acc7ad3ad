/** @module Human-readable text of a check result, for terminals and ticket replies. */
import type { i18n } from 'i18next'
import type { ArticleStepText, LocalizedCheckResult } from '../render/localize-check.ts'

/**
 * Plain text: verdict, reasons, missing facts and numbered actions, in the instance's language. `plain`: the
 * plain text of a step's Markdown (`plainStepTexts`).
 *
 * @example
 * console.log(formatCheckText(localizedResults, i18n, await plainStepTexts(localizedResults)))
 */
export function formatCheckText(
  results: LocalizedCheckResult[],
  i18n: i18n,
  plain: (markdown: string) => string,
): string {
  const t = (key: string, options: Record<string, unknown> = {}) =>
    i18n.t(key, { ns: 'common', ...options }) as string
  const lines: string[] = []
  for (const result of results) {
    if (lines.length > 0) lines.push('')
    lines.push(t('check.article', { article: result.article }))
    lines.push(t('check.verdictLine', { verdict: result.verdictLabel }).replace(/\*\*/g, ''))
    const section = (title: string, entries: string[]) => {
      if (entries.length === 0) return
      lines.push('', `${title}:`, ...entries)
    }
    // For `unknown`, the reasons are the rules that might still hold: say which answer each would give.
    const open = result.reasons.some((reason) => reason.status === 'open')
    section(
      t(open ? 'check.possible' : 'check.reasons'),
      result.reasons.flatMap((reason) => [
        open ? `  - ${reason.verdictLabel}: ${reason.message}` : `  - ${reason.message}`,
        ...reason.details.map((detail) => `      ${capitalize(detail)}`),
      ]),
    )
    section(
      t('check.conflicts'),
      result.conflicts.flatMap((reason) => [
        `  - ${reason.message}`,
        ...reason.details.map((detail) => `      ${capitalize(detail)}`),
      ]),
    )
    section(
      t('check.missingFacts'),
      result.questions.map((entry, index) => `  ${index + 1}. ${entry.fact}: ${entry.question}`),
    )
    section(
      t('check.actions'),
      result.actions.flatMap((action, index) => {
        const prefix = action.condition ? `${action.condition} ` : ''
        const recommended = action.recommended ? ` ${t('check.recommended')}` : ''
        // The article's own steps, as the KB prints them, so a ticket reply needs nothing else.
        const steps = action.articleStep?.steps ? formatSteps(action.articleStep.steps, 7, plain) : []
        return [`  ${index + 1}. ${prefix}${action.message}${recommended}`, ...steps]
      }),
    )
  }
  return lines.join('\n')
}

function formatSteps(
  steps: ArticleStepText[],
  indent: number,
  plain: (markdown: string) => string,
  depth = 0,
): string[] {
  const pad = ' '.repeat(indent)
  return steps.flatMap((step, index) => {
    const marker = depth === 0 ? `${String.fromCharCode(97 + index)}.` : '-'
    return [
      `${pad}${marker} ${plain(step.text)}`,
      ...(step.code === undefined ? [] : [`${pad}   ${step.code}`]),
      ...(step.steps ? formatSteps(step.steps, indent + 3, plain, depth + 1) : []),
    ]
  })
}

function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1)
}
