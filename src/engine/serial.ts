/** @module Run async jobs one at a time: a json-rules-engine Engine must never run two evaluations at once. */

/**
 * A queue that starts each job only after the previous one settled (its run state is engine-wide:
 * concurrent `run()` calls on one Engine silently drop rules).
 *
 * @example
 * const serial = new Serial()
 * const results = await Promise.all(facts.map((f) => serial.run(() => engine.run(f))))
 */
export class Serial {
  #tail: Promise<unknown> = Promise.resolve()

  run<T>(job: () => Promise<T>): Promise<T> {
    const next = this.#tail.then(job)
    this.#tail = next.catch(() => undefined)
    return next
  }
}
