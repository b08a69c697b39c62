// Runs before each component test file and before it imports the app: the API client captures
// `fetch` when it is created, so every test answers through this one mock (see mock-api.ts).
globalThis.fetch = jest.fn<Promise<Response>, [RequestInfo | URL, RequestInit?]>(() =>
  Promise.reject(new Error('fetch is not mocked in this test')),
);
