import type { paths } from '../../api/schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type RetentionReport = Json<paths['/api/v1/retention/reports/latest']['get']['responses']['200']>;
export type RetentionDueItem = Json<
  paths['/api/v1/retention/due']['get']['responses']['200']
>['items'][number];

export const OPERATIONS = {
  place: 'POST /api/v1/cases/{caseId}/legal-holds',
  latest: 'GET /api/v1/retention/reports/latest',
  review: 'POST /api/v1/retention/reviews',
  due: 'GET /api/v1/retention/due',
} as const;

export const LATEST_REPORT = ['retention', 'reports', 'latest'] as const;
export const DUE = ['retention', 'due'] as const;
