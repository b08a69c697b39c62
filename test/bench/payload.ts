import { randomUUID } from 'node:crypto';

/**
 * Realistic event bodies for benchmarks: a ComplaintReceived-like `data` of about 600 bytes of
 * JSON and the metadata the services write (docs/architecture.md#the-event-catalog). Raw pgbench
 * inserts and event-store appends use the same shapes so that the comparison is fair.
 */
export function benchData(seq: number): Record<string, unknown> {
  return {
    channel: 'hotline',
    seq,
    complainants: [
      {
        name: 'Maria Elena Gonzalez',
        preferredLanguage: 'es',
        interpreterNeeded: true,
        phone: '+1-213-555-0147',
        confidentialityRequested: true,
      },
    ],
    employer: {
      name: 'Sunrise Garment Works LLC',
      address: { street: '1200 Industrial Way', city: 'Los Angeles', state: 'CA', postalCode: '90021' },
      fein: '95-4821736',
      naics: '315250',
    },
    allegations: [
      {
        type: 'unpaid_overtime',
        periodStart: '2024-07-01',
        periodEnd: '2025-02-28',
        workersAffected: 14,
        ongoing: true,
      },
      {
        type: 'minimum_wage',
        periodStart: '2024-07-01',
        periodEnd: '2025-02-28',
        workersAffected: 9,
        ongoing: true,
      },
    ],
  };
}

export function benchMetadata(caseId: string): {
  caseId: string;
  actor: { id: string; role: string; org: string };
  correlationId: string;
  sourceService: string;
  occurredAt: string;
} {
  return {
    caseId,
    actor: { id: 'user-7d41c2', role: 'intake_officer', org: 'agency' },
    correlationId: randomUUID(),
    sourceService: 'bench',
    occurredAt: '2025-03-14T15:09:26.535Z',
  };
}

/** A SQL string literal (single quotes doubled). */
export function sqlLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
