import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { DemoApi } from './api';
import { STAFF } from './data';
import type { ScenarioResult } from './scenario';

export interface WrittenFile {
  path: string;
  what: string;
}

/**
 * Printable documents of the run, fetched through the API as their users would and saved for a
 * browser: the released FOIA package, the employer-facing statement (no confidential worker on
 * it) and a worker's statement.
 */
export async function writeDocuments(
  api: DemoApi,
  r: ScenarioResult,
  baseDir: string,
): Promise<WrittenFile[]> {
  const dir = resolve(baseDir, r.carWash.caseNumber);
  await mkdir(dir, { recursive: true });
  const caseId = r.carWash.caseId;
  const direct =
    r.carWash.collection.debtors.find((d) => d.role === 'direct') ?? r.carWash.collection.debtors[0];
  const open =
    r.carWash.collection.workers.find((w) => !w.confidentialityRequested) ?? r.carWash.collection.workers[0];
  const documents = [
    {
      file: 'foia-package.html',
      path: `/foia-requests/${r.foia.requestId}/package?format=html`,
      who: STAFF.foia,
      what: 'the released FOIA package, every withheld field marked with its exemption',
    },
    {
      file: 'employer-statement.html',
      path: `/collections/${caseId}/statements/debtors/${direct.debtorId}?format=html`,
      who: STAFF.collections,
      what: `${direct.name}'s statement of account (no confidential worker on it)`,
    },
    {
      file: 'worker-statement.html',
      path: `/collections/${caseId}/statements/workers/${open.workerId}?format=html`,
      who: STAFF.collections,
      what: `${open.name}'s statement: owed, collected, paid out`,
    },
  ];
  const written: WrittenFile[] = [];
  for (const d of documents) {
    const res = await api.get<string>(d.path, d.who);
    const path = join(dir, d.file);
    await writeFile(path, typeof res.body === 'string' ? res.body : JSON.stringify(res.body, null, 2));
    written.push({ path, what: d.what });
  }
  return written;
}
