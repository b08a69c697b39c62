/**
 * jose 6 ships only as an ES module. Node 20.19+ loads it with require(). Jest (before Node
 * 24.9) refuses require() of ESM inside its module registry, so there it is loaded with Node's
 * own loader (Module._load), outside Jest's registry. Dropping the fallback needs jest.config.js
 * to transform jose (`transformIgnorePatterns: ['/node_modules/(?!jose/)']`).
 */
import type * as Jose from 'jose' with { 'resolution-mode': 'import' };

function loadJose(): typeof Jose {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a static import would be compiled to this very require
    return require('jose') as typeof Jose;
  } catch (err) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- Jest's own 'module' shim keeps the native _load
    const nodeModule = require('node:module') as {
      _load?: (request: string, parent: unknown, isMain: boolean) => unknown;
    };
    if (typeof nodeModule._load !== 'function') throw err;
    return nodeModule._load(require.resolve('jose'), null, false) as typeof Jose;
  }
}

export const jose = loadJose();
