const { TestEnvironment } = require('jest-environment-jsdom');

/**
 * jsdom with the web platform pieces it lacks and Node 24 has: fetch's Request, Response and
 * Headers (openapi-fetch builds a Request per call; tests answer it with a mocked fetch) and
 * TextEncoder/TextDecoder (React Router). A relative URL resolves against the page, as in a
 * browser, and jsdom's AbortSignal (React Router passes one) is followed by one Node's Request takes.
 */
class WorkbenchEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    const window = this.global;
    const NodeRequest = globalThis.Request;
    const NodeAbortController = globalThis.AbortController;
    window.Request = class Request extends NodeRequest {
      constructor(input, init) {
        let options = init;
        const signal = init?.signal;
        if (signal && !(signal instanceof globalThis.AbortSignal)) {
          const follower = new NodeAbortController();
          if (signal.aborted) follower.abort();
          else signal.addEventListener('abort', () => follower.abort(), { once: true });
          options = { ...init, signal: follower.signal };
        }
        super(typeof input === 'string' ? new URL(input, window.location.href) : input, options);
      }
    };
    for (const name of [
      'Response',
      'Headers',
      'TextEncoder',
      'TextDecoder',
      'ReadableStream',
      'structuredClone',
    ]) {
      window[name] = globalThis[name];
    }
  }
}

module.exports = WorkbenchEnvironment;
