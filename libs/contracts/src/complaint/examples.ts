/* Realistic sample data for specs. Planted identities are distinctive so leaks are easy to find. */
export const PLANTED = {
  name: 'Maria Planted-Worker',
  phone: '+1 415 555 0142',
  email: 'maria.planted@example.org',
  street: '77 Planted Lane Apt 4',
};

export const complaintReceived = () => ({
  channel: 'hotline',
  receivedAt: '2026-01-15T17:05:00-08:00',
  office: 'SF-01',
  complainants: [
    {
      complainantId: '3f1c2a9e-5b7d-4e8f-9a0b-1c2d3e4f5a6b',
      name: PLANTED.name,
      phone: PLANTED.phone,
      email: PLANTED.email,
      address: { street: PLANTED.street, city: 'Oakland', state: 'CA', postalCode: '94601' },
      preferredLanguage: 'es-MX',
      interpreterNeeded: true,
      confidentialityRequested: true,
      role: 'worker',
    },
    {
      complainantId: '8a7b6c5d-4e3f-4a1b-8c9d-0e1f2a3b4c5d',
      preferredLanguage: 'en',
      interpreterNeeded: false,
      confidentialityRequested: false,
      role: 'anonymous',
    },
  ],
  employer: {
    name: 'Golden Gate Car Wash LLC',
    tradeName: 'Sparkle Wash',
    address: { street: '1200 Mission St', city: 'San Francisco', state: 'CA', postalCode: '94103' },
    fein: '94-1234567',
    naics: '811192',
  },
  allegations: [
    {
      type: 'overtime',
      periodStart: '2024-03-01',
      ongoing: true,
      workersAffected: 12,
      estimatedAmountCents: 845_000,
      description: 'Paid straight time for hours over 40; Maria keeps her own log.',
    },
    {
      type: 'retaliation',
      periodStart: '2025-12-01',
      periodEnd: '2025-12-31',
      workersAffected: 1,
      ongoing: false,
    },
  ],
  intakeNotes: 'Caller fears retaliation; prefers callbacks after 6 pm.',
});
