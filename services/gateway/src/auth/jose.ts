/**
 * jose 6 ships only as an ES module: Node 24 require()s it natively, and so does Jest under
 * `npm run jest` (--experimental-vm-modules, see jest.config.js). One import site keeps that
 * knowledge in one place.
 */
import * as jose from 'jose';

export { jose };
