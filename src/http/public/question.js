// One question of the guided check: its answers, the answer given, and why an answer was not taken.
import { $, announce, element, text } from './dom.js'

/** Show `question` with its answers as radio buttons (enum, boolean) or a text field (version), `chosen` preselected. */
export function renderQuestion(question, chosen) {
  const form = $('question-form')
  form.hidden = false
  form.dataset.fact = question.fact
  $('question-text').textContent = question.question
  $('question-note').hidden = !question.decidesSteps
  const box = $('question-answers')
  box.replaceChildren()
  hideQuestionError()
  if (question.type === 'version') {
    const example = question.examples?.[0] ?? '1.0'
    box.append(
      element('label', { for: 'answer-version' }, question.label),
      element('input', {
        id: 'answer-version',
        name: 'answer',
        type: 'text',
        inputmode: 'decimal',
        autocomplete: 'off',
        spellcheck: 'false',
        value: chosen === undefined ? undefined : String(chosen),
        'aria-describedby': 'answer-hint question-error',
      }),
      element('p', { id: 'answer-hint', class: 'hint' }, text('question.versionHint', { example })),
    )
  } else {
    question.values.forEach((option, index) => {
      box.append(
        element(
          'label',
          { class: 'choice' },
          element('input', {
            type: 'radio',
            name: 'answer',
            value: String(option.value),
            id: `answer-${index}`,
            checked: chosen !== undefined && String(chosen) === String(option.value),
            'aria-describedby': 'question-error',
          }),
          ` ${option.label}`,
        ),
      )
    })
  }
  ;(box.querySelector('input:checked') ?? box.querySelector('input'))?.focus()
  announce(question.question)
}

/** Show why the answer was not taken, next to the answers, and move focus there. */
export function showQuestionError(message) {
  const error = $('question-error')
  error.textContent = message
  error.hidden = false
  for (const input of $('question-answers').querySelectorAll('input'))
    input.setAttribute('aria-invalid', 'true')
  $('question-answers').querySelector('input')?.focus()
  announce(message)
}

function hideQuestionError() {
  $('question-error').hidden = true
  $('question-error').textContent = ''
}

/** The answer given to `question`: its value, or undefined when none is chosen. */
export function chosenValue(question) {
  const form = $('question-form')
  if (question.type === 'version') return form.querySelector('#answer-version').value.trim() || undefined
  const checked = form.querySelector('input[name="answer"]:checked')
  if (!checked) return undefined
  return question.values.find((candidate) => String(candidate.value) === checked.value)?.value
}
