/**
 * A sleep that a signal ends early: readers wake right after a local append and poll as a
 * fallback. A signal that arrives while the reader is busy is kept, so it is never lost.
 */
export class Wakeup {
  private pending = false;
  private endSleep?: () => void;

  signal(): void {
    this.pending = true;
    this.endSleep?.();
  }

  /** Call before each read: a signal from now on means "read again". */
  reset(): void {
    this.pending = false;
  }

  sleep(ms: number): Promise<void> {
    if (this.pending) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.endSleep = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.endSleep = done;
    });
  }
}
