/** A progress bar on stderr, only when stderr is a terminal (pipes and CI get nothing). */
export function progressBar(label: string): { update(done: number, total: number): void; finish(): void } {
  const tty = process.stderr.isTTY;
  let last = 0;
  return {
    update(done, total) {
      if (!tty || Date.now() - last < 100) return;
      last = Date.now();
      const width = 30;
      const ratio = total > 0 ? Math.min(1, done / total) : 0;
      const filled = Math.round(ratio * width);
      process.stderr.write(
        `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} events`,
      );
    },
    finish() {
      if (tty) process.stderr.write('\n');
    },
  };
}
