/** @module The parts of the CSAF 2.0 JSON schema that this export writes. */

/** A note (§3.1.5). */
export interface CsafNote {
  category: 'description' | 'details' | 'faq' | 'general' | 'legal_disclaimer' | 'other' | 'summary'
  text: string
  title?: string
}

/** A reference (§3.1.6); `self` for this document, `external` for everything else. */
export interface CsafReference {
  category: 'external' | 'self'
  summary: string
  url: string
}

/** A product with its name and id (§3.1.2.3). */
export interface CsafFullProductName {
  name: string
  product_id: string
  product_identification_helper?: { cpe?: string }
}

/** A node of the product tree's branches (§3.1.2). */
export interface CsafBranch {
  category: 'vendor' | 'product_name' | 'product_version'
  name: string
  branches?: CsafBranch[]
  product?: CsafFullProductName
}

/** A combination of two products (§3.2.2.4). */
export interface CsafRelationship {
  category: 'default_component_of' | 'installed_on' | 'installed_with'
  full_product_name: CsafFullProductName
  product_reference: string
  relates_to_product_reference: string
}

/** A named set of products (§3.2.2.3). */
export interface CsafProductGroup {
  group_id: string
  product_ids: string[]
  summary?: string
}

/** A remediation (§3.2.3.12). Exactly one of `product_ids` and `group_ids` is written. */
export interface CsafRemediation {
  category: 'mitigation' | 'no_fix_planned' | 'none_available' | 'vendor_fix' | 'workaround'
  details: string
  date?: string
  group_ids?: string[]
  product_ids?: string[]
  restart_required?: { category: 'service'; details?: string }
  url?: string
}

/** A threat (§3.2.3.13). */
export interface CsafThreat {
  category: 'exploit_status' | 'impact' | 'target_set'
  details: string
  group_ids?: string[]
  product_ids?: string[]
}

/** Product status lists (§3.2.3.9). */
export interface CsafProductStatus {
  fixed?: string[]
  known_affected?: string[]
  known_not_affected?: string[]
  under_investigation?: string[]
}

/** One vulnerability (§3.2.3); 954960 has no CVE, so `ids` identifies it. */
interface CsafVulnerability {
  ids?: Array<{ system_name: string; text: string }>
  notes: CsafNote[]
  product_status: CsafProductStatus
  references?: CsafReference[]
  release_date?: string
  remediations?: CsafRemediation[]
  threats: CsafThreat[]
  title: string
}

/** A revision history entry (§3.2.1.12.6). */
interface CsafRevision {
  date: string
  number: string
  summary: string
}

/**
 * A `csaf_security_advisory` document (§4.5).
 *
 * @example
 * const doc: CsafDocument = await buildCsaf(kb, {article: '954960', lang: 'en'})
 * doc.vulnerabilities[0].product_status.fixed
 */
export interface CsafDocument {
  document: {
    category: 'csaf_security_advisory'
    csaf_version: '2.0'
    distribution: { tlp: { label: 'WHITE' } }
    lang: string
    notes: CsafNote[]
    publisher: { category: 'other' | 'translator' | 'vendor'; name: string; namespace: string }
    references: CsafReference[]
    source_lang?: string
    title: string
    tracking: {
      current_release_date: string
      generator: { engine: { name: string; version: string } }
      id: string
      initial_release_date: string
      revision_history: CsafRevision[]
      status: 'final'
      version: string
    }
  }
  product_tree: {
    branches: CsafBranch[]
    product_groups?: CsafProductGroup[]
    relationships?: CsafRelationship[]
  }
  vulnerabilities: CsafVulnerability[]
}
