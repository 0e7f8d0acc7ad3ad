/** @module Shared building blocks of the rules schemas. */
import { z } from 'zod'

/** An identifier: lower-case words, digits, dots and dashes (`wsus-3.0-sp1`, `954960`). */
export const Id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9.-]*$/, 'Expected an id of lower-case letters, digits, `.` and `-`')

/** A fact name: lowerCamelCase (`wsusVersion`). */
export const FactName = z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'Expected a lowerCamelCase fact name')

/** A calendar date written `YYYY-MM-DD`; kept as a string so YAML never turns it into a timestamp. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a date written `YYYY-MM-DD`')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), 'Expected a real calendar date')

/** A dotted version number such as `3.1.6001.66`; a string, because YAML reads `1.10` as `1.1`. */
export const DottedVersion = z
  .string()
  .regex(/^\d+(\.\d+){0,3}$/, 'Expected a dotted version of up to four numbers such as `3.1.6001.66`')

/** An absolute http(s) URL. */
export const Url = z.url({ protocol: /^https?$/, error: 'Expected an absolute http or https URL' })

/** A scalar that a condition compares a fact with. */
export const Scalar = z.union([z.string(), z.number(), z.boolean()])

/** The name of an article's named value (`fixedVersion`): lowerCamelCase, as text placeholders use it. */
export const ValueName = z
  .string()
  .regex(/^[a-z][A-Za-z0-9]*$/, 'Expected a lowerCamelCase value name such as `fixedVersion`')
