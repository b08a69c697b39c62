/**
 * The Node.js the project runs on: 24 LTS or later (package.json `engines`, `.nvmrc`). Node 20 is
 * out of security support, and NestJS 12 and the other current majors load as ES modules through
 * `require(esm)` as Node 24 does it.
 *
 * No imports on purpose: entry points import `./require-supported-node` before anything else, so
 * an old Node is refused with a message, not with an error from deep inside a dependency.
 */
export const REQUIRED_NODE_MAJOR = 24;

/** Why `version` cannot run the project, or undefined when it can. */
export function unsupportedNodeReason(
  program: string,
  version: string = process.version,
): string | undefined {
  const major = Number(version.replace(/^v/, '').split('.')[0]);
  if (major >= REQUIRED_NODE_MAJOR) return undefined;
  return (
    `${program} needs Node.js ${REQUIRED_NODE_MAJOR} or later and this is Node ${version}.\n` +
    `Run it through npm (npm start, npm test, npm run <script>): npm ci puts Node ${REQUIRED_NODE_MAJOR} in ` +
    `node_modules/.bin/node, which npm scripts use. Or install Node.js ${REQUIRED_NODE_MAJOR} (nvm install reads .nvmrc).\n`
  );
}
