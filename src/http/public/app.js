// The guided "Am I affected?" check for any article. Asks the article's missing facts, then the facts that
// decide its conditional steps, one question at a time (POST /v1/check), or reads a pasted log
// (POST /v1/diagnose), then shows the verdict. The answers live in the address (state.js).
import { $, api, articleById, element, lang, setBusy, strings, text } from './dom.js'
import { listen, post, reportHeight } from './embed.js'
import { kindId, loadLogKinds, readLog, showLogKinds } from './log.js'
import { chosenValue, renderQuestion, showQuestionError } from './question.js'
import { copyReply, replyFromResults } from './reply.js'
import { showStart } from './start.js'
import { address, remember, state, vocabulary } from './state.js'
import { renderVerdict } from './verdict.js'

/** The question on screen, the last answer shown (for "Copy reply") and whether anything loaded yet. */
let current = null
let shown = null
let loaded = false

function showLoadError(problem) {
  $('load-error-text').textContent = text('error.load', { detail: problem.detail ?? problem.title ?? '' })
  $('load-error').hidden = false
  $('retry').focus()
}

async function check() {
  setBusy(true)
  const answer = await api(`/v1/check?article=${encodeURIComponent(state.article)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(state.facts),
  })
  setBusy(false)
  return answer
}

/** A question for a fact the vocabulary describes, marked when it only decides which steps apply. */
function describe(fact, decidesSteps = false) {
  const definition = vocabulary.get(fact)
  return definition ? { ...definition, decidesSteps } : undefined
}

/** The next question: a missing fact while the verdict is open, then the facts of conditional steps. */
function nextQuestion(result) {
  const open = (fact) => !state.skipped.includes(fact) && !(fact in state.facts)
  if (result.verdict === 'unknown') {
    const missing = result.questions.find((question) => open(question.fact))
    if (missing) return missing
  }
  for (const action of result.actions) {
    for (const fact of action.conditional ? action.waitingFor : []) {
      if (open(fact) && vocabulary.has(fact)) return describe(fact, true)
    }
  }
  return undefined
}

async function next() {
  const answer = await check()
  const invalid = answer.problem?.code === 'KB_HTTP_INVALID_FACTS' ? answer.problem.fact : undefined
  if (invalid && invalid in state.facts) {
    // A prefilled answer the article does not accept: ask that question again, saying why.
    delete state.facts[invalid]
    remember()
    await next()
    if (current?.fact === invalid)
      showQuestionError(text('error.generic', { detail: answer.problem.detail ?? '' }))
    return
  }
  if (!answer.ok) {
    if (!loaded) return showLoadError(answer.problem)
    return showQuestionError(text('error.generic', { detail: answer.problem.detail ?? '' }))
  }
  loaded = true
  $('load-error').hidden = true
  proceed(answer.body)
}

function proceed(body, evidence = []) {
  const result = body.results.find((candidate) => candidate.article === state.article) ?? body.results[0]
  tellHost(result)
  const question = evidence.length === 0 ? nextQuestion(result) : undefined
  if (question) showQuestion(question)
  else showVerdict([result], evidence)
}

function showQuestion(question, chosen) {
  current = question
  $('result').hidden = true
  renderQuestion(question, chosen)
  renderAnswers()
}

async function onAnswer(event) {
  event.preventDefault()
  if (!current) return
  const value = chosenValue(current)
  const example = current.examples?.[0] ?? '1.0'
  if (value === undefined) {
    return showQuestionError(
      current.type === 'version' ? text('question.enterVersion', { example }) : text('question.choose'),
    )
  }
  const fact = current.fact
  const before = { facts: { ...state.facts }, skipped: [...state.skipped] }
  state.facts[fact] = value
  state.skipped = state.skipped.filter((name) => name !== fact)
  const answer = await check()
  if (!answer.ok) {
    Object.assign(state, before)
    const invalid = answer.problem.code === 'KB_HTTP_INVALID_FACTS' && answer.problem.fact === fact
    return showQuestionError(
      invalid && current.type === 'version'
        ? text('question.enterVersion', { example })
        : text('error.generic', { detail: answer.problem.detail ?? '' }),
    )
  }
  remember()
  proceed(answer.body)
}

async function onSkip() {
  if (!current) return
  if (!state.skipped.includes(current.fact)) state.skipped.push(current.fact)
  delete state.facts[current.fact]
  remember()
  await next()
}

/** Ask one answered (or skipped) fact again, keeping every other answer. */
function change(fact) {
  const question = describe(fact)
  if (question) showQuestion(question, state.facts[fact])
}

function valueLabel(fact, value) {
  const option = vocabulary.get(fact)?.values?.find((candidate) => String(candidate.value) === String(value))
  return option?.label ?? String(value)
}

function renderAnswers() {
  const list = $('answers')
  list.replaceChildren()
  const answered = [
    ...Object.entries(state.facts).filter(([fact]) => vocabulary.has(fact)),
    ...state.skipped.map((fact) => [fact, undefined]),
  ]
  $('answers-block').hidden = answered.length === 0
  for (const [fact, value] of answered) {
    const label = vocabulary.get(fact).label
    const button = element(
      'button',
      { type: 'button', class: 'change', 'data-fact': fact },
      text('guided.change'),
      element('span', { class: 'visually-hidden' }, `: ${label}`),
    )
    button.addEventListener('click', () => change(fact))
    list.append(
      element('dt', {}, label),
      element('dd', {}, value === undefined ? text('guided.notKnown') : valueLabel(fact, value), ' ', button),
    )
  }
}

function showVerdict(results, evidence) {
  current = null
  shown = { results, evidence }
  $('question-form').hidden = true
  $('reply-block').hidden = true
  renderAnswers()
  renderVerdict(results, evidence)
}

/** Every answer's verdict goes to the host page (an open `unknown` too), once per change. */
let told = ''
function tellHost(result) {
  const message = {
    type: 'kb-advisor:verdict',
    article: result.article,
    verdict: result.verdict,
    label: result.verdictLabel,
    facts: { ...state.facts },
  }
  const key = JSON.stringify(message)
  if (key === told) return
  told = key
  post(message)
}

/** The reply for a ticket: the server's text answer to the same facts when it has one, else built here. */
async function onCopyReply() {
  if (!shown) return
  let reply
  if (shown.evidence.length === 0) {
    try {
      const response = await fetch(
        `/v1/check?article=${encodeURIComponent(state.article)}&format=text&lang=${encodeURIComponent(lang)}`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(state.facts),
        },
      )
      if (response.ok && /^text\/plain\b/.test(response.headers.get('content-type') ?? ''))
        reply = await response.text()
    } catch {
      // Built from the JSON answer below.
    }
  }
  await copyReply(reply ?? replyFromResults(shown.results, shown.evidence))
}

/** A log from the log form, the search box or the host: its verdict, opening the article it shows. */
async function onLogText(log, kind) {
  const found = await readLog(log, kind)
  if (!found) return
  if (!state.article) {
    state.article = found.article
    remember()
    openArticle()
  }
  loaded = true
  proceed(found.body, found.body.evidence)
}

function onLog(event) {
  event.preventDefault()
  const kind = $('log-kinds').querySelector('input[name="kind"]:checked')?.value
  return onLogText($('log-text').value, kind)
}

/** Facts sent by the host page: merged into the answers (null forgets one), then the check goes on. */
async function onHostFacts(facts) {
  for (const [name, value] of Object.entries(facts)) {
    if (!vocabulary.has(name)) continue
    state.skipped = state.skipped.filter((fact) => fact !== name)
    if (value === null) delete state.facts[name]
    else if (typeof value === 'string' || typeof value === 'boolean') state.facts[name] = value
  }
  remember()
  if (!state.article && !(await chooseArticle())) return
  openArticle()
  await next()
}

/** A log sent by the host page, of the kind it names (a kind id or a shortcut), else of any kind offered. */
function onHostLog(log, kind) {
  $('log-text').value = log
  const id = kind === undefined ? undefined : kindId(kind)
  const choice = [...$('log-kinds').querySelectorAll('input[name="kind"]')].find(
    (input) => input.value === id,
  )
  if (choice) choice.checked = true
  return onLogText(log, id)
}

/** Without `?article=`, prefilled facts pick the article whose rules read most of them. */
async function chooseArticle() {
  if (strings.articles.length === 1) {
    state.article = strings.articles[0].id
    return true
  }
  const given = Object.keys(state.facts)
  const score = (article) => given.filter((fact) => article.facts.includes(fact)).length
  const best = [...strings.articles].sort((a, b) => score(b) - score(a))[0]
  if (!best || score(best) === 0) return false
  state.article = best.id
  remember()
  return true
}

function openArticle() {
  const article = articleById(state.article)
  $('start').hidden = true
  $('guided').hidden = false
  $('restart-block').hidden = false
  $('article-title').textContent = article?.title ?? state.article
  $('other-article').href = `/?lang=${encodeURIComponent(lang)}`
  showLogKinds()
}

async function onRestart() {
  state.facts = {}
  state.skipped = []
  remember()
  $('evidence').replaceChildren()
  await next()
}

function onLanguage(event) {
  event.preventDefault()
  window.location.assign(address($('language').value))
}

async function start() {
  // Without the kinds the log form cannot be offered; the questions still work.
  await loadLogKinds()
  if (strings.requestedArticle && !strings.article) {
    showLoadError({ detail: text('error.unknownArticle', { article: strings.requestedArticle }) })
    state.article = ''
  }
  if (!state.article && Object.keys(state.facts).length > 0 && !strings.requestedArticle)
    await chooseArticle()
  if (!state.article) {
    showLogKinds()
    return showStart((log) => onLogText(log))
  }
  openArticle()
  await next()
}

$('question-form').addEventListener('submit', onAnswer)
$('skip').addEventListener('click', onSkip)
$('log-form').addEventListener('submit', onLog)
$('restart').addEventListener('click', onRestart)
$('copy-reply').addEventListener('click', onCopyReply)
$('language-form').addEventListener('submit', onLanguage)
$('retry').addEventListener('click', () => {
  $('load-error').hidden = true
  start()
})
listen({ facts: onHostFacts, log: onHostLog })
reportHeight()
start()
