/**
 * jose 6 ships only as an ES module: Node 20.19+ require()s it natively, and jest.config.js
 * compiles it for Jest's module registry. One import site keeps that knowledge in one place.
 */
import * as jose from 'jose';

export { jose };
