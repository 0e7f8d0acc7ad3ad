import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { testApp } from './helpers.ts'

describe('document pages under the CSP', () => {
  it('inline exactly the stylesheet the CSP allows by hash, and still no inline script', async () => {
    const app = await testApp()
    // 954960 has an advisory; any article with one would do.
    const response = await app.request('/v1/articles/954960/advisory?lang=nb&format=html')
    const page = await response.text()
    const styles = [...page.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => match[1]!)
    expect(styles).toHaveLength(1)
    expect(styles[0]).toMatch(/@media print/)
    const hash = createHash('sha256').update(styles[0]!, 'utf8').digest('base64')
    const policy = response.headers.get('content-security-policy') ?? ''
    expect(policy).toContain(`style-src 'self' 'sha256-${hash}'`)
    expect(policy).toContain("script-src 'self';")
    expect(policy).not.toContain('unsafe-inline')
  })
})
