// The Polish stemmer of @nlpjs/lang-pl, imported alone (the package ships no types).
declare module '@nlpjs/lang-pl/src/stemmer-pl.js' {
  /** A light Polish stemmer: `new StemmerPl().stemWord('aktualizacje') // 'aktualizacj'`. */
  export default class StemmerPl {
    stemWord(word: string): string
  }
}
