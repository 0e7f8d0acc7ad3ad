/**
 * The fictional article `contoso-1001` with symptom signatures in logs of kinds other than the client and
 * server shortcuts: Windows Setup's `setuperr` and Component-Based Servicing's `cbs` (the registry is the
 * project's rules/logs.yaml, so the kinds keep their real localized labels). A confirmed setuperr symptom
 * makes the article affected. For tests of the page and the API that must not depend on the real articles.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse, stringify } from 'yaml'
import { createApp } from '../../src/http/app.ts'
import { loadKnowledgeBase } from '../../src/knowledge-base.ts'
import { loadResources, mergeResources } from '../../src/render/i18n.ts'

const root = fileURLToPath(new URL('../../', import.meta.url))
const fictional = path.join(root, 'test/fixtures/fictional')

/** The line the setuperr signature looks for, as Windows Setup writes it. */
export const setupErrLine =
  '2031-03-14 08:00:00, Error                 SP     Widget driver setup failed: 0x80001001'

/** A setuperr.log that shows the symptom. */
export function setupErrLog(): string {
  return `2031-03-14 07:59:58, Info                  SP     Starting driver setup\r\n${setupErrLine}\r\n`
}

const sentences: Record<string, { label: string; confirmed: string; none: string; rule: string }> = {
  en: {
    label: 'Widget driver setup error',
    confirmed: 'the setup log shows the Widget driver failing',
    none: 'the setup log does not show the Widget driver failing',
    rule: 'Windows Setup could not install the Widget driver.',
  },
  nl: {
    label: 'Installatiefout van het Widget-stuurprogramma',
    confirmed: 'het installatielogboek toont dat het Widget-stuurprogramma faalt',
    none: 'het installatielogboek toont geen fout van het Widget-stuurprogramma',
    rule: 'Windows Setup kon het Widget-stuurprogramma niet installeren.',
  },
  pl: {
    label: 'Błąd instalacji sterownika Widget',
    confirmed: 'dziennik instalacji pokazuje błąd sterownika Widget',
    none: 'dziennik instalacji nie pokazuje błędu sterownika Widget',
    rule: 'Instalator systemu Windows nie mógł zainstalować sterownika Widget.',
  },
  nb: {
    label: 'Installasjonsfeil for Widget-driveren',
    confirmed: 'installasjonsloggen viser at Widget-driveren feiler',
    none: 'installasjonsloggen viser ingen feil for Widget-driveren',
    rule: 'Windows Setup kunne ikke installere Widget-driveren.',
  },
}

const signatures = `kind: signatures
article: contoso-1001
symptoms:
  - id: driver-setup-failed
    log: setuperr
    fact: driverSetupSymptom
    description: Windows Setup fails to install the Widget driver.
    window: 5
    lines:
      - id: setup-failed
        pattern: 'Widget driver setup failed: 0x80001001'
        distinctive: true
  - id: driver-servicing-failed
    log: cbs
    fact: driverServicingSymptom
    description: Servicing cannot stage the Widget driver package.
    window: 5
    lines:
      - id: staging-failed
        pattern: 'Failed to stage Widget driver package'
        distinctive: true
`

/** The rules and locales folders of the fixture, in a new temporary folder; `remove` deletes it. */
export async function setupLogArticle(): Promise<{
  rules: string
  locales: string
  remove: () => Promise<void>
}> {
  const dir = await mkdtemp(path.join(tmpdir(), 'kb-setup-log-'))
  const rules = path.join(dir, 'rules')
  const locales = path.join(dir, 'locales')
  await cp(path.join(fictional, 'rules'), rules, { recursive: true })
  await cp(path.join(fictional, 'locales'), locales, { recursive: true })
  await cp(path.join(root, 'rules/logs.yaml'), path.join(rules, 'logs.yaml'))
  const article = path.join(rules, 'articles/contoso-1001')
  await writeFile(path.join(article, 'signatures.yaml'), signatures)
  const verdicts = parse(await readFile(path.join(article, 'verdicts.yaml'), 'utf8'))
  verdicts.rules.unshift({
    id: 'driver-setup-failed',
    verdict: 'affected',
    when: { fact: 'driverSetupSymptom', operator: 'equal', value: 'confirmed' },
  })
  await writeFile(path.join(article, 'verdicts.yaml'), stringify(verdicts))
  for (const [lang, t] of Object.entries(sentences)) {
    const file = path.join(locales, lang, 'contoso-1001.yaml')
    const strings = parse(await readFile(file, 'utf8'))
    for (const fact of ['driverSetupSymptom', 'driverServicingSymptom']) {
      strings.facts[fact] = {
        label: t.label,
        question: `${t.label}?`,
        values: { confirmed: t.confirmed, partial: t.confirmed, none: t.none },
        is: { confirmed: t.confirmed, partial: t.confirmed, none: t.none },
      }
    }
    strings.verdicts.rules['driver-setup-failed'] = t.rule
    await writeFile(file, stringify(strings))
  }
  return { rules, locales, remove: () => rm(dir, { recursive: true, force: true }) }
}

/** The app over the fixture: the page and API for logs of the setuperr and cbs kinds. */
export async function setupLogApp(fixture: { rules: string; locales: string }) {
  return createApp({
    kb: await loadKnowledgeBase(fixture.rules),
    resources: mergeResources(await loadResources(), await loadResources(fixture.locales)),
    logger: () => {},
  })
}
