/**
 * @module docs/performance-scale.svg: each kbscale measure as a multiple of its value at one article, against
 * the number of articles, on log-log axes (a flat line: cost that does not grow; the diagonal: linear growth).
 */
import { writeFileSync } from 'node:fs'

/** The figures the chart needs for one size (a subset of `ScalePoint`). */
export interface ChartPoint {
  articles: number
  checkAll: number
  checkOne: number
  lint: number
  lintAgain: number
  diagnoseMbPerSecond: number
  checkP99Ms: number
  serveRssMb: number | undefined
}

const series: Array<{ name: string; color: string; cost: (point: ChartPoint) => number | undefined }> = [
  { name: 'kb check --json, all articles', color: '#b2182b', cost: (point) => point.checkAll },
  { name: 'kb check --json --article', color: '#2166ac', cost: (point) => point.checkOne },
  { name: 'kb lint', color: '#762a83', cost: (point) => point.lint },
  { name: 'kb lint again (unchanged)', color: '#c2a5cf', cost: (point) => point.lintAgain },
  { name: 'kb.diagnose s/MB', color: '#1b7837', cost: (point) => 1 / point.diagnoseMbPerSecond },
  { name: 'explained check p99', color: '#e08214', cost: (point) => point.checkP99Ms },
  { name: 'kb serve RSS', color: '#4d4d4d', cost: (point) => point.serveRssMb },
]

/**
 * Write the chart to `file` and return its SVG text.
 *
 * @example
 * writeScaleChart('docs/performance-scale.svg', result.points)
 */
export function writeScaleChart(file: string, points: readonly ChartPoint[]): string {
  const width = 720
  const height = 420
  const left = 60
  const top = 20
  const plotWidth = 420
  const plotHeight = 340
  const sizes = points.map((point) => point.articles)
  const ratios = series.map((line) => {
    const base = line.cost(points[0]!)
    return points.map((point) => {
      const cost = line.cost(point)
      return base === undefined || cost === undefined ? undefined : cost / base
    })
  })
  const all = ratios.flat().filter((value): value is number => value !== undefined)
  const maxRatio = Math.max(10, ...sizes.map((size) => size / sizes[0]!), ...all)
  const minRatio = Math.min(0.5, ...all)
  const logX = (size: number) =>
    left + (Math.log10(size / sizes[0]!) / Math.log10(sizes.at(-1)! / sizes[0]!)) * plotWidth
  const logY = (ratio: number) =>
    top +
    plotHeight -
    ((Math.log10(ratio) - Math.log10(minRatio)) / (Math.log10(maxRatio) - Math.log10(minRatio))) * plotHeight
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    '<title>Cost against the number of articles, as a multiple of the cost at one article</title>',
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
  ]
  for (let power = Math.ceil(Math.log10(minRatio)); power <= Math.log10(maxRatio); power++) {
    const y = logY(10 ** power).toFixed(1)
    parts.push(
      `<line x1="${left}" x2="${left + plotWidth}" y1="${y}" y2="${y}" stroke="#ddd"/>`,
      `<text x="${left - 6}" y="${y}" text-anchor="end" dominant-baseline="middle">${10 ** power}×</text>`,
    )
  }
  for (const size of sizes) {
    const x = logX(size).toFixed(1)
    parts.push(
      `<line x1="${x}" x2="${x}" y1="${top}" y2="${top + plotHeight}" stroke="#eee"/>`,
      `<text x="${x}" y="${top + plotHeight + 16}" text-anchor="middle">${size.toLocaleString('en')}</text>`,
    )
  }
  parts.push(
    `<text x="${left + plotWidth / 2}" y="${height - 8}" text-anchor="middle">articles in the knowledge base</text>`,
    `<line x1="${logX(sizes[0]!)}" y1="${logY(1)}" x2="${logX(sizes.at(-1)!)}" y2="${logY(sizes.at(-1)! / sizes[0]!)}" stroke="#bbb" stroke-dasharray="4 4"/>`,
  )
  series.forEach((line, index) => {
    const coordinates = points
      .map((point, position) => [point.articles, ratios[index]![position]] as const)
      .filter((pair): pair is readonly [number, number] => pair[1] !== undefined)
      .map(([size, ratio]) => `${logX(size).toFixed(1)},${logY(ratio).toFixed(1)}`)
    parts.push(
      `<polyline fill="none" stroke="${line.color}" stroke-width="2" points="${coordinates.join(' ')}"/>`,
      `<rect x="${left + plotWidth + 20}" y="${top + index * 22}" width="14" height="4" fill="${line.color}"/>`,
      `<text x="${left + plotWidth + 40}" y="${top + index * 22 + 5}">${line.name}</text>`,
    )
  })
  parts.push(
    `<text x="${left + plotWidth + 20}" y="${top + series.length * 22 + 10}" fill="#777">dashed: linear growth</text>`,
    '</svg>',
  )
  const svg = `${parts.join('\n')}\n`
  writeFileSync(file, svg)
  return svg
}
