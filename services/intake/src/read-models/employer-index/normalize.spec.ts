import { normalizeAddress, normalizeAddressText, normalizeEmployerName, normalizeFein } from './normalize';

describe('employer normalization', () => {
  it.each([
    ['Golden Gate Car Wash, LLC', 'golden gate car wash'],
    ['GOLDEN GATE CAR WASH L.L.C.', 'golden gate car wash'],
    ['Golden Gate Car Wash Inc.', 'golden gate car wash'],
    ['The Golden Gate Car-Wash Co., Ltd.', 'golden gate car wash'],
    ["Joe's Tacos & Grill Corp", 'joes tacos and grill'],
    ['Inc', 'inc'],
  ])('%s -> %s', (name, normalized) => {
    expect(normalizeEmployerName(name)).toBe(normalized);
  });

  it('keeps FEIN digits only, and only when there are nine', () => {
    expect(normalizeFein('94-1234567')).toBe('941234567');
    expect(normalizeFein('941234567')).toBe('941234567');
    expect(normalizeFein('94-12345')).toBeNull();
    expect(normalizeFein(undefined)).toBeNull();
  });

  it('abbreviates address words and keeps the 5-digit ZIP', () => {
    expect(
      normalizeAddress({
        street: '1200 Mission Street, Suite 4',
        city: 'San Francisco',
        state: 'CA',
        postalCode: '94103-1234',
      }),
    ).toBe('1200 mission st ste 4 san francisco ca 94103');
    expect(
      normalizeAddress({
        street: '1200 Mission St.',
        city: 'SAN FRANCISCO',
        state: 'CA',
        postalCode: '94103',
      }),
    ).toBe('1200 mission st san francisco ca 94103');
  });

  it('normalizes an address typed as one line the way a structured one is', () => {
    expect(normalizeAddressText('1200 Mission Street, Suite 4, San Francisco CA 94103-1234')).toBe(
      normalizeAddress({
        street: '1200 Mission Street, Suite 4',
        city: 'San Francisco',
        state: 'CA',
        postalCode: '94103-1234',
      }),
    );
  });
});
