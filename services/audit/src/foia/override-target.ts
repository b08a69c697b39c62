import { parseTextRedactionPath, type EvidenceAttached } from '@lse/contracts';
import {
  classifiedValues,
  evidenceText,
  evidenceTextPath,
  freeTextValues,
  namesKnownTo,
  NameFinder,
  redactText,
  upcastData,
  withheldFields,
  type CaseRecord,
  type FreeTextValue,
} from '@lse/audit-domain';
import { evidenceContentOf, type EvidenceReader } from './evidence-content';

/**
 * Whether `path` names something a package of this case withholds in `event`, so that an
 * override of it means something: a classified field (open case or not), or a redaction inside
 * free text or an evidence file's text (`<field>@<start>-<end>`), found with the names the case
 * knows today (a later cut-off knows at least the names an earlier one does).
 */
export async function withholdsAt(options: {
  event: CaseRecord;
  path: string;
  jurisdiction: string;
  caseRecords: readonly CaseRecord[];
  evidence: EvidenceReader | undefined;
}): Promise<boolean> {
  const { event, path, jurisdiction } = options;
  const contexts = [true, false].map((caseOpen) => ({ caseOpen, jurisdiction }));
  const inText = parseTextRedactionPath(path);
  if (!inText) return contexts.some((c) => withheldFields(event, c).some((f) => f.path === path));
  let value: FreeTextValue | undefined;
  if (event.type === 'EvidenceAttached' && inText.fieldPath.startsWith('evidence.')) {
    const data = upcastData(event) as EvidenceAttached;
    if (inText.fieldPath !== evidenceTextPath(data.evidenceId)) return false;
    const content = await evidenceContentOf([event], options.evidence);
    const read = evidenceText({ ...data, content: content[data.sha256] });
    if (read.status === 'text') value = { path: inText.fieldPath, text: read.text };
  } else {
    value = freeTextValues(classifiedValues(event)).find((v) => v.path === inText.fieldPath);
  }
  if (!value) return false;
  const names = new NameFinder(namesKnownTo(options.caseRecords));
  const found = value;
  return contexts.some((c) => redactText(found, names, c).some((r) => r.path === path));
}
