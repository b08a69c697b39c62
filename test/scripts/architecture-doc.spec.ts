/**
 * docs/architecture.md stays true to the code: its event catalog is generated
 * (scripts/lib/event-catalog.ts) and must be the one the registry and the declared reactions give
 * today, every durable consumer of the services must be declared there, and every
 * `docs/architecture.md#<section>` the code and the README point at must be a section of it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { eventRegistry } from '@lse/contracts';
import {
  CATALOG_END,
  CATALOG_START,
  OWNERS,
  ownerOf,
  REACTION_ONLY,
  REACTIONS,
  renderEventCatalog,
  TIMERS,
  withCatalog,
} from '../../scripts/lib/event-catalog';

const ROOT = join(__dirname, '..', '..');
const DOCUMENT = join(ROOT, 'docs', 'architecture.md');

/** A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces as dashes. */
const anchorOf = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
const anchorsOf = (markdown: string) =>
  new Set(
    markdown
      .replace(/^```[\s\S]*?^```/gm, '')
      .split('\n')
      .filter((line) => /^#{1,6} /.test(line))
      .map((line) => anchorOf(line.replace(/^#+ /, ''))),
  );

describe('the event catalog of docs/architecture.md', () => {
  it('is the one the registry gives today (run `npm run docs:events` after changing an event or a reaction)', () => {
    const document = readFileSync(DOCUMENT, 'utf8');
    expect(document).toContain(CATALOG_START);
    expect(document).toContain(CATALOG_END);
    expect(withCatalog(document, renderEventCatalog())).toBe(document);
  });

  it('lists every event type of the registry once, each in a category exactly one service owns', () => {
    const owned = OWNERS.flatMap((o) => o.categories);
    expect(new Set(owned).size).toBe(owned.length);
    const catalog = renderEventCatalog();
    for (const { type, category } of eventRegistry.list()) {
      expect(() => ownerOf(category)).not.toThrow();
      expect(catalog.split('\n').filter((line) => line.startsWith(`| \`${type}\` |`))).toHaveLength(1);
    }
  });

  it('declares every durable consumer the services start', () => {
    const sources = readdirSync(join(ROOT, 'services'), { recursive: true, encoding: 'utf8' })
      .filter((path) => /^[^/]+\/src\/.*\.ts$/.test(path) && !path.endsWith('.spec.ts'))
      .map((path) => join(ROOT, 'services', path));
    const starting = sources
      // A runtime starts its consumers with ServiceRuntime's `consume` (libs/service-kit).
      .filter((file) => /new DurableConsumer\(|this\.consume\(/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(ROOT, file))
      .sort();
    const declared = [...new Set(REACTIONS.map((r) => r.file))].sort();
    expect(declared).toEqual(starting);
  });

  it('names only registered events, each handled from its own subject and appended by its owner', () => {
    const categoryOf = (type: string) => eventRegistry.require(type).category;
    for (const reaction of REACTIONS) {
      expect(reaction.types.length).toBeGreaterThan(0);
      for (const type of reaction.types)
        expect([`events.${categoryOf(type)}.>`, `events.${categoryOf(type)}.${type}`]).toContain(
          reaction.filterSubject,
        );
      for (const type of reaction.appends) expect(ownerOf(categoryOf(type)).service).toBe(reaction.service);
    }
    for (const timer of TIMERS) expect(ownerOf(categoryOf(timer.appends)).service).toBe(timer.service);
    for (const type of REACTION_ONLY) expect(REACTIONS.some((r) => r.appends.includes(type))).toBe(true);
  });
});

describe('links to docs/architecture.md', () => {
  const document = readFileSync(DOCUMENT, 'utf8');
  const sections = anchorsOf(document);

  it('name sections it has, from the code, the tests and the README', () => {
    const files = ['libs', 'services', 'test', 'scripts', 'deploy', 'apps/workbench/src']
      .flatMap((dir) =>
        readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' }).map((path) => join(dir, path)),
      )
      .filter((file) => /\.(ts|tsx|js|mjs|conf)$/.test(file) && !/(^|\/)(node_modules|dist)\//.test(file))
      .concat('README.md');
    const pointers: string[] = [];
    for (const file of files) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      for (const [, anchor] of text.matchAll(/architecture\.md#([a-z0-9_-]+)/g)) {
        pointers.push(anchor);
        if (!sections.has(anchor))
          throw new Error(`${file} points at docs/architecture.md#${anchor}, not a section`);
      }
    }
    expect(pointers.length).toBeGreaterThan(30);
  });

  it('has no link inside it or to the README that leads nowhere', () => {
    const readme = anchorsOf(readFileSync(join(ROOT, 'README.md'), 'utf8'));
    for (const [, target, anchor] of document.matchAll(/\]\(([^)#]*)#([^)]+)\)/g)) {
      if (target === '') expect({ anchor, found: sections.has(anchor) }).toEqual({ anchor, found: true });
      else if (target === '../README.md')
        expect({ anchor, found: readme.has(anchor) }).toEqual({ anchor, found: true });
      else throw new Error(`unexpected link target ${target}#${anchor}`);
    }
  });
});
