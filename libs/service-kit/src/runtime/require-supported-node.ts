/**
 * Imported first by every entry point (services' main.ts, npm scripts, CLIs): refuses an old
 * Node.js with a message that says what to do, before any dependency is loaded.
 */
import { relative } from 'node:path';
import { unsupportedNodeReason } from './supported-node';

const reason = unsupportedNodeReason(
  process.argv[1] ? relative(process.cwd(), process.argv[1]) : 'this program',
);
if (reason) {
  process.stderr.write(reason);
  process.exit(1);
}
