// Only the call it makes: the whole TFunction type is too deep to instantiate with the full catalog.
type T = (key: 'complaint.agencies.OSHA') => string;
export const agencyOf = (t: T, r: { receivingAgency: string; agencyName?: string }) =>
  r.agencyName
    ? `${t(`complaint.agencies.${r.receivingAgency}` as 'complaint.agencies.OSHA')} (${r.agencyName})`
    : t(`complaint.agencies.${r.receivingAgency}` as 'complaint.agencies.OSHA');

/** A postal address on one line. */
export const addressLine = (a: { street: string; city: string; state: string; postalCode: string }) =>
  `${a.street}, ${a.city}, ${a.state} ${a.postalCode}`;
