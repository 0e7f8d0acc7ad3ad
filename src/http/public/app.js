// The guided "Am I affected?" check. Asks the next entry of `missingFacts` from POST /v1/check, one
// question at a time, or reads a pasted log through POST /v1/diagnose, then shows the verdict.
// Plain DOM and textContent only: no inline script, no innerHTML, no dependency.

const strings = JSON.parse(document.getElementById('strings').textContent)
const lang = document.documentElement.lang
const storageKey = 'kb-advisor-answers'
const $ = (id) => document.getElementById(id)

/** Answers so far: facts by name, and the facts the agent does not know. */
let state = restore()
let current = null

function restore() {
  try {
    const saved = JSON.parse(sessionStorage.getItem(storageKey) ?? 'null')
    if (saved && typeof saved.facts === 'object' && Array.isArray(saved.skipped)) return saved
  } catch {
    // Storage may be blocked in a sandboxed frame: start fresh.
  }
  return { facts: {}, skipped: [], labels: {} }
}

function save() {
  try {
    sessionStorage.setItem(storageKey, JSON.stringify(state))
  } catch {
    // Not persisted: a language switch starts over.
  }
}

function text(path, values = {}) {
  const template = path.split('.').reduce((node, key) => node?.[key], strings)
  if (typeof template !== 'string') return path
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name) => String(values[name] ?? strings[name] ?? ''))
}

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === undefined) continue
    node.setAttribute(name, value === true ? '' : String(value))
  }
  for (const child of children) node.append(child)
  return node
}

/** `code` and **bold** of the localized messages, as DOM nodes. */
function inline(message) {
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

function announce(message) {
  const status = $('status')
  status.textContent = ''
  // A separate task, so screen readers notice the change even when the text repeats.
  setTimeout(() => {
    status.textContent = message
  }, 50)
}

async function api(path, init) {
  let response
  try {
    response = await fetch(`${path}${path.includes('?') ? '&' : '?'}lang=${encodeURIComponent(lang)}`, init)
  } catch {
    return { ok: false, problem: { detail: text('error.network') } }
  }
  const body = await response.json().catch(() => ({}))
  return response.ok ? { ok: true, body } : { ok: false, problem: body }
}

function setBusy(busy) {
  document.body.setAttribute('aria-busy', busy ? 'true' : 'false')
  for (const button of document.querySelectorAll('button')) button.disabled = busy
}

async function check() {
  setBusy(true)
  const answer = await api('/v1/check', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(state.facts),
  })
  setBusy(false)
  return answer
}

/** The result to guide by: the first still-unknown article, else the first. */
function primary(results) {
  return results.find((result) => result.verdict === 'unknown') ?? results[0]
}

async function next() {
  const answer = await check()
  if (!answer.ok) return showQuestionError(text('error.generic', { detail: answer.problem.detail ?? '' }))
  const result = primary(answer.body.results)
  const question =
    result.verdict === 'unknown' ? result.questions.find((q) => !state.skipped.includes(q.fact)) : undefined
  if (question) showQuestion(question)
  else showVerdict(answer.body.results, [])
}

function showQuestion(question) {
  current = question
  $('result').hidden = true
  const form = $('question-form')
  form.hidden = false
  form.dataset.fact = question.fact
  $('question-text').textContent = question.question
  const box = $('question-answers')
  box.replaceChildren()
  hideQuestionError()
  if (question.type === 'version') {
    const example = question.examples?.[0] ?? '3.1.6001.66'
    box.append(
      element('label', { for: 'answer-version' }, question.label),
      element('input', {
        id: 'answer-version',
        name: 'answer',
        type: 'text',
        inputmode: 'decimal',
        autocomplete: 'off',
        spellcheck: 'false',
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
            'aria-describedby': 'question-error',
          }),
          ` ${option.label}`,
        ),
      )
    })
  }
  renderAnswers()
  box.querySelector('input')?.focus()
  announce(question.question)
}

function showQuestionError(message) {
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

function chosenValue() {
  const form = $('question-form')
  if (current.type === 'version') return form.querySelector('#answer-version').value.trim() || undefined
  const checked = form.querySelector('input[name="answer"]:checked')
  if (!checked) return undefined
  const option = current.values.find((candidate) => String(candidate.value) === checked.value)
  return option?.value
}

async function onAnswer(event) {
  event.preventDefault()
  if (!current) return
  const value = chosenValue()
  if (value === undefined) {
    return showQuestionError(
      current.type === 'version'
        ? text('question.enterVersion', { example: current.examples?.[0] ?? '3.1.6001.66' })
        : text('question.choose'),
    )
  }
  const fact = current.fact
  state.facts[fact] = value
  state.labels[fact] = {
    label: current.label,
    value: current.values?.find((option) => option.value === value)?.label ?? String(value),
  }
  const answer = await check()
  if (!answer.ok) {
    delete state.facts[fact]
    delete state.labels[fact]
    const invalid = answer.problem.code === 'KB_HTTP_INVALID_FACTS' && answer.problem.fact === fact
    return showQuestionError(
      invalid && current.type === 'version'
        ? text('question.enterVersion', { example: current.examples?.[0] ?? '3.1.6001.66' })
        : text('error.generic', { detail: answer.problem.detail ?? '' }),
    )
  }
  save()
  const result = primary(answer.body.results)
  const question =
    result.verdict === 'unknown' ? result.questions.find((q) => !state.skipped.includes(q.fact)) : undefined
  if (question) showQuestion(question)
  else showVerdict(answer.body.results, [])
}

async function onSkip() {
  if (!current) return
  state.skipped.push(current.fact)
  save()
  await next()
}

function renderAnswers() {
  const list = $('answers')
  list.replaceChildren()
  const entries = Object.entries(state.labels)
  $('answers-block').hidden = entries.length === 0
  for (const [, { label, value }] of entries) list.append(element('dt', {}, label), element('dd', {}, value))
}

function showVerdict(results, evidence, side) {
  current = null
  $('question-form').hidden = true
  renderAnswers()
  const section = $('result')
  const main = results[0]
  const labels = results.map((result) => result.verdictLabel).join(', ')
  const heading = $('verdict-heading')
  heading.textContent = text('result.heading', { verdict: labels })
  section.className = `verdict-${main.verdict}`

  const evidenceList = $('evidence')
  evidenceList.replaceChildren()
  // Evidence is reported by log kind; the page sends one log, through the `client` or `server` shortcut.
  for (const report of evidence) {
    for (const found of Object.values(report.logs)) {
      const ids = [...new Set(found.files.flatMap((file) => file.faultIds ?? []))]
      const item = element('li', {}, text(`evidence.${side}.${found.level}`))
      if (ids.length > 0) item.append(' ', text('evidence.faultIds', { ids: ids.join(', ') }))
      evidenceList.append(item)
    }
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
    for (const doc of ['kb', 'advisory']) {
      const href = `/v1/articles/${encodeURIComponent(result.article)}/${doc}?lang=${encodeURIComponent(lang)}&format=html`
      links.append(
        element(
          'li',
          {},
          element(
            'a',
            { href, target: '_blank', rel: 'noopener' },
            text(`result.${doc}Link`, { kbNumber: result.article, advisoryNumber: result.article }),
          ),
        ),
      )
    }
  }
  section.hidden = false
  heading.focus()
  announce(text('result.ready', { verdict: labels }))
}

async function onLog(event) {
  event.preventDefault()
  const textarea = $('log-text')
  const error = $('log-error')
  error.hidden = true
  textarea.removeAttribute('aria-invalid')
  if (textarea.value.trim() === '') {
    error.textContent = text('log.empty')
    error.hidden = false
    textarea.setAttribute('aria-invalid', 'true')
    textarea.focus()
    return announce(error.textContent)
  }
  const kind = $('log-form').querySelector('input[name="kind"]:checked').value
  const body = new FormData()
  body.append(kind, textarea.value)
  body.append('facts', JSON.stringify(state.facts))
  setBusy(true)
  announce(text('log.busy'))
  const answer = await api('/v1/diagnose', { method: 'POST', body })
  setBusy(false)
  if (!answer.ok) {
    error.textContent = text('error.generic', { detail: answer.problem.detail ?? '' })
    error.hidden = false
    textarea.focus()
    return announce(error.textContent)
  }
  showVerdict(answer.body.results, answer.body.evidence, kind)
}

async function onRestart() {
  state = { facts: {}, skipped: [], labels: {} }
  save()
  $('evidence').replaceChildren()
  await next()
}

$('question-form').addEventListener('submit', onAnswer)
$('skip').addEventListener('click', onSkip)
$('log-form').addEventListener('submit', onLog)
$('restart').addEventListener('click', onRestart)
next()
