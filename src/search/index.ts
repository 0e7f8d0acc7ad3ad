/** @module Search over the knowledge base: index, records, tokenizer. */

export { type DiagnosisRank, rankDiagnoses } from './rank-diagnoses.ts'
export { codes, type SearchRecord } from './records.ts'
export { type DocumentSource, type SearchHit, SearchIndex, type SearchOptions } from './search-index.ts'
export { fold, terms } from './tokenize.ts'
