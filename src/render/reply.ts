/** @module A check or diagnose answer as a reply ready to paste into a ticket: Markdown, plain text or an HTML fragment. */
import type { BlockContent, List, ListItem, Root, RootContent } from 'mdast'
import type { Format } from './formats.ts'
import type { LocalizedCheckResult } from './localize-check.ts'
import { blockContent, inlineContent, parseUnsanitized } from './markdown.ts'
import { serialize } from './serialize.ts'

/** One article's answer in the reader's language, as the API returns it. */
export interface ReplyResult
  extends Pick<LocalizedCheckResult, 'article' | 'verdictLabel' | 'reasons' | 'actions'> {
  /** The article's title (a heading of the reply). */
  title: string
  questions: Array<{ label: string; question: string }>
  /** Sentences about the log evidence (`POST /v1/diagnose`), already localized. */
  evidence?: string[]
}

/** The headings of a reply in the reader's language (locales/<lang>/web.yaml `result.*`). */
export interface ReplyHeadings {
  /** "Verdict: {{verdict}}", with the verdict label filled in. */
  verdict: (label: string) => string
  reasons: string
  steps: string
  missing: string
  evidence: string
}

const inline = (markdown: string) => inlineContent(parseUnsanitized(markdown))
const blocks = (markdown: string): BlockContent[] => blockContent(parseUnsanitized(markdown))

function heading(depth: 2 | 3, text: string): RootContent {
  return { type: 'heading', depth, children: [{ type: 'text', value: text }] }
}

function list(ordered: boolean, items: BlockContent[][]): List {
  return {
    type: 'list',
    ordered,
    spread: false,
    children: items.map((children): ListItem => ({ type: 'listItem', spread: false, children })),
  }
}

/** An action: its sentence ("If …: " first for a conditional one), then the KB article step it quotes. */
function actionItem(action: ReplyResult['actions'][number]): BlockContent[] {
  const sentence = action.condition ? `${action.condition} ${action.message}` : action.message
  const content: BlockContent[] = [{ type: 'paragraph', children: inline(sentence) }]
  const step = action.articleStep
  if (step?.text) content.push(...blocks(step.text))
  if (step?.steps?.length)
    content.push(
      list(
        true,
        step.steps.map((each) => blocks(each.text)),
      ),
    )
  return content
}

/**
 * The reply's tree: per article a heading with its title, the verdict, then "Why", "What to do", "Still
 * needed to decide" and "What the log shows" when they have anything.
 *
 * @example
 * const tree = replyTree(results, headings)
 */
export function replyTree(results: readonly ReplyResult[], headings: ReplyHeadings): Root {
  const children: RootContent[] = []
  for (const result of results) {
    children.push(heading(2, result.title))
    children.push({
      type: 'paragraph',
      children: [
        { type: 'strong', children: [{ type: 'text', value: headings.verdict(result.verdictLabel) }] },
      ],
    })
    if (result.evidence?.length) {
      children.push(heading(3, headings.evidence))
      children.push(
        list(
          false,
          result.evidence.map((sentence) => [{ type: 'paragraph', children: inline(sentence) }]),
        ),
      )
    }
    if (result.reasons.length > 0) {
      children.push(heading(3, headings.reasons))
      children.push(
        list(
          false,
          result.reasons.map((reason) => [{ type: 'paragraph', children: inline(reason.message) }]),
        ),
      )
    }
    if (result.questions.length > 0) {
      children.push(heading(3, headings.missing))
      children.push(
        list(
          false,
          result.questions.map(({ label, question }) => [
            {
              type: 'paragraph',
              children: [
                { type: 'strong', children: [{ type: 'text', value: label }] },
                { type: 'text', value: `: ${question}` },
              ],
            },
          ]),
        ),
      )
    }
    if (result.actions.length > 0) {
      children.push(heading(3, headings.steps))
      children.push(list(true, result.actions.map(actionItem)))
    }
  }
  return { type: 'root', children }
}

/**
 * The reply as Markdown, plain text (no Markdown left) or a sanitized HTML fragment.
 *
 * @example
 * renderReply(results, headings, 'text') // 'Some computers do not receive updates …\n----…'
 */
export function renderReply(
  results: readonly ReplyResult[],
  headings: ReplyHeadings,
  format: Format,
): string {
  return serialize(replyTree(results, headings), format)
}
