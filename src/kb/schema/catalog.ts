/** @module Schema of `kind: catalog`: the products shared by all articles. */
import { z } from 'zod'
import { DottedVersion, Id } from './common.ts'

/** Schema of one catalog product. */
export const Product = z.strictObject({
  id: Id,
  vendor: z.string().min(1),
  /** The product's family name, without version (`Windows Server Update Services`). */
  name: z.string().min(1),
  /** The version as the vendor names it (`3.0 Service Pack 1`). */
  version: z.string().min(1),
  /** Short name used in lists (`WSUS 3.0 SP1`). */
  shortName: z.string().min(1),
  /** The dotted version, when the product has one (`3.0.6000.374`). */
  build: DottedVersion.optional(),
  cpe: z.string().startsWith('cpe:').optional(),
})

/** Schema of `kind: catalog`: the products articles refer to by id. */
export const CatalogFile = z.strictObject({
  kind: z.literal('catalog'),
  products: z.array(Product).min(1),
})

/** A validated catalog product. */
export type Product = z.infer<typeof Product>
/** A validated `kind: catalog` file. */
export type CatalogFile = z.infer<typeof CatalogFile>
