/**
 * `npm run docs:events`: rewrites the event catalog in docs/architecture.md from the contracts'
 * registry (scripts/lib/event-catalog.ts). `--check` writes nothing and exits 1 when it is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderEventCatalog, withCatalog } from './lib/event-catalog';

const file = join(__dirname, '..', 'docs', 'architecture.md');
const document = readFileSync(file, 'utf8');
const updated = withCatalog(document, renderEventCatalog());
if (process.argv.includes('--check')) {
  if (updated !== document) {
    process.stderr.write('docs/architecture.md: the event catalog is stale; run `npm run docs:events`\n');
    process.exit(1);
  }
} else if (updated !== document) {
  writeFileSync(file, updated);
  process.stdout.write('docs/architecture.md: event catalog rewritten\n');
}
