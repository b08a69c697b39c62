import { NAMESPACE_DNS, NAMESPACE_URL, isUuid, reactionEventId, uuidV5 } from './uuid';

describe('uuidV5', () => {
  // Vectors computed independently with Python's uuid.uuid5.
  it.each([
    ['www.example.com', NAMESPACE_DNS, '2ed6657d-e927-568b-95e1-2665a8aea6a2'],
    ['python.org', NAMESPACE_DNS, '886313e1-3b8a-5372-9b90-0c9aee199e5d'],
    ['https://example.org/case/1', NAMESPACE_URL, '7f6fea5c-3dbb-50bd-97e9-7ef6d3216ada'],
    ['ünïcödé', '6ba7b812-9dad-11d1-80b4-00c04fd430c8', 'd656d4ee-52e3-51e6-8162-450c0b5a213d'],
  ])('uuidV5(%p, %p) = %p', (name, namespace, expected) => {
    expect(uuidV5(name, namespace)).toBe(expected);
  });

  it('accepts an upper-case namespace and rejects a malformed one', () => {
    expect(uuidV5('www.example.com', NAMESPACE_DNS.toUpperCase())).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
    expect(() => uuidV5('x', 'not-a-uuid')).toThrow(RangeError);
  });
});

describe('reactionEventId', () => {
  const cause = '0b7d2c1e-4f1a-4c7b-9e55-1f2a3b4c5d6e';

  it('is stable for a redelivered cause and distinct per reaction', () => {
    expect(reactionEventId(cause, 'investigation.open')).toBe(
      reactionEventId(cause.toUpperCase(), 'investigation.open'),
    );
    expect(reactionEventId(cause, 'investigation.open')).not.toBe(reactionEventId(cause, 'partners.accept'));
    expect(isUuid(reactionEventId(cause, 'x'))).toBe(true);
  });
});
