/** @module The files of a new article: rules and the four locale files, lint-clean and renderable. */
import { sourceHash } from '../render/source-hashes.ts'

/** What a new article starts from: its id, one catalog product and one version fact of the vocabulary. */
export interface ScaffoldInput {
  id: string
  product: string
  fact: string
}

/** Paths relative to the knowledge base's parent folder (`rules/…`, `locales/…`) and their text. */
export type ScaffoldFiles = Map<string, string>

/** The sentences of a new article in each language; authors replace them with the article's own. */
const texts = {
  en: {
    title: 'New article {{articleId}}',
    symptoms:
      'Describe what users see: the messages, error codes and log lines, each fact taken from rules/.',
    cause: 'Describe why it happens.',
    resolution: 'Describe how to resolve it, step by step.',
    before: 'The version is older than {{fixedVersion}}, the first version with the fix.',
    after: 'The version is {{fixedVersion}} or newer, which has the fix.',
    install: 'Install version {{fixedVersion}} or newer.',
  },
  nl: {
    title: 'Nieuw artikel {{articleId}}',
    symptoms: 'Beschrijf wat gebruikers zien: de berichten, foutcodes en logboekregels, elk feit uit rules/.',
    cause: 'Beschrijf waarom het gebeurt.',
    resolution: 'Beschrijf stap voor stap hoe u het oplost.',
    before: 'De versie is ouder dan {{fixedVersion}}, de eerste versie met de oplossing.',
    after: 'De versie is {{fixedVersion}} of nieuwer en bevat de oplossing.',
    install: 'Installeer versie {{fixedVersion}} of nieuwer.',
  },
  pl: {
    title: 'Nowy artykuł {{articleId}}',
    symptoms:
      'Opisz, co widzą użytkownicy: komunikaty, kody błędów i wiersze dzienników, każdy fakt z rules/.',
    cause: 'Opisz, dlaczego tak się dzieje.',
    resolution: 'Opisz krok po kroku, jak rozwiązać problem.',
    before: 'Wersja jest starsza niż {{fixedVersion}}, pierwsza wersja z poprawką.',
    after: 'Wersja to {{fixedVersion}} lub nowsza, która zawiera poprawkę.',
    install: 'Zainstaluj wersję {{fixedVersion}} lub nowszą.',
  },
  nb: {
    title: 'Ny artikkel {{articleId}}',
    symptoms: 'Beskriv hva brukerne ser: meldingene, feilkodene og logglinjene, hvert faktum fra rules/.',
    cause: 'Beskriv hvorfor det skjer.',
    resolution: 'Beskriv trinn for trinn hvordan problemet løses.',
    before: 'Versjonen er eldre enn {{fixedVersion}}, den første versjonen med rettelsen.',
    after: 'Versjonen er {{fixedVersion}} eller nyere, som har rettelsen.',
    install: 'Installer versjon {{fixedVersion}} eller nyere.',
  },
} as const

type Texts = (typeof texts)[keyof typeof texts]

function localeYaml(language: keyof typeof texts, id: string): string {
  const t: Texts = texts[language]
  const strings: Array<[string, string]> = [
    ['verdicts.rules.before-fix', t.before],
    ['verdicts.rules.fix-installed', t.after],
    ['verdicts.actions.install-fix', t.install],
    ['kb.title', t.title],
    ['kb.symptoms', t.symptoms],
    ['kb.cause', t.cause],
    ['kb.resolution', t.resolution],
  ]
  const english = new Map<string, string>([
    ['verdicts.rules.before-fix', texts.en.before],
    ['verdicts.rules.fix-installed', texts.en.after],
    ['verdicts.actions.install-fix', texts.en.install],
    ['kb.title', texts.en.title],
    ['kb.symptoms', texts.en.symptoms],
    ['kb.cause', texts.en.cause],
    ['kb.resolution', texts.en.resolution],
  ] as Array<[string, string]>)
  const value = (key: string) => JSON.stringify(strings.find(([name]) => name === key)?.[1] ?? '')
  const lines = [
    '# yaml-language-server: $schema=../../schema/locale.schema.json',
    `# Article ${id}: every sentence of its documents and check answers (docs/authoring.md).`,
    'verdicts:',
    '  rules:',
    `    before-fix: ${value('verdicts.rules.before-fix')}`,
    `    fix-installed: ${value('verdicts.rules.fix-installed')}`,
    '  actions:',
    `    install-fix: ${value('verdicts.actions.install-fix')}`,
    'kb:',
    `  title: ${value('kb.title')}`,
    `  symptoms: ${value('kb.symptoms')}`,
    `  cause: ${value('kb.cause')}`,
    `  resolution: ${value('kb.resolution')}`,
  ]
  // A translation starts reviewed against the English it was written with; `kb lint` flags later changes.
  if (language !== 'en') {
    lines.push('_meta:', '  source:')
    for (const [key] of strings) lines.push(`    ${key}: "${sourceHash(english.get(key) ?? '')}"`)
  }
  return `${lines.join('\n')}\n`
}

/**
 * The files of a new article `id`: `article.yaml` (a named fixed version, the product, a KB document),
 * `verdicts.yaml` (affected before the fixed version, fixed from it) and one locale file per language.
 *
 * @example
 * scaffoldArticle({id: 'contoso-3001', product: 'wsus-3.0', fact: 'webServicesClientDllVersion'})
 * // Map {'rules/articles/contoso-3001/article.yaml' => '…', …, 'locales/nb/contoso-3001.yaml' => '…'}
 */
export function scaffoldArticle({ id, product, fact }: ScaffoldInput): ScaffoldFiles {
  const files: ScaffoldFiles = new Map()
  files.set(
    `rules/articles/${id}/article.yaml`,
    `# yaml-language-server: $schema=../../../schema/article.schema.json
# Article ${id}. Facts only: every sentence lives in locales/<lang>/${id}.yaml. See docs/authoring.md.
kind: article
id: "${id}"

# Every value a rule compares with, once; rules name it with valueRef, texts with {{name}}.
values:
  fixedVersion: "1.0"

products:
  appliesTo: [${product}]
  affected: [${product}]

documents:
  kb:
    title: [kb.title]
    outline:
      - { heading: kb.title, depth: 1 }
      - heading: common:kb.symptoms
      - text: kb.symptoms
      - heading: common:kb.cause
      - text: kb.cause
      - heading: common:kb.resolution
      - text: kb.resolution
      - heading: common:kb.appliesTo
      - products: appliesTo

# Where each fact comes from: add one entry per source, with what it supports.
sources: []
`,
  )
  files.set(
    `rules/articles/${id}/verdicts.yaml`,
    `# yaml-language-server: $schema=../../../schema/verdicts.schema.json
# Am I affected by ${id}? Rules are tried in order; see docs/rules.md.
kind: verdicts
article: "${id}"

rules:
  - id: before-fix
    verdict: affected
    when: { fact: ${fact}, operator: versionLessThan, valueRef: fixedVersion }
  - id: fix-installed
    verdict: fixed
    when: { fact: ${fact}, operator: versionGreaterThanInclusive, valueRef: fixedVersion }

actions:
  - id: install-fix
    verdicts: [affected]
`,
  )
  for (const language of ['en', 'nl', 'pl', 'nb'] as const)
    files.set(`locales/${language}/${id}.yaml`, localeYaml(language, id))
  return files
}
