import {
  findPatterns,
  NameFinder,
  PERSON_NAME_KEYS,
  type ClassifiedValue,
  type KnownName,
} from '@lse/contracts';

/**
 * What a case knows of one person, to find them inside its free text: their names as its records
 * write them, their phone numbers and e-mail addresses (docs/erasure.md, narratives).
 */
export interface Person {
  names: Set<string>;
  phones: Set<string>;
  emails: Set<string>;
}

/** Data subject (`worker:<id>`, `complainant:<id>`) -> what is known of them. */
export type People = Map<string, Person>;

/** A span of a text that identifies people: sealed under each owner's key. UTF-16 offsets. */
export interface NamedSpan {
  start: number;
  end: number;
  /** Data subjects, sorted; several when the span is written the same way for each (a shared surname). */
  owners: string[];
}

/** The subjects a narrative can name: people. `case:` and `stream:` are no one's own name. */
const PERSON_SUBJECT = /^(worker|complainant):/;

const PHONE_KEYS = new Set(['phone', 'phoneNumber', 'mobile', 'mobilePhone']);
const EMAIL_KEYS = new Set(['email', 'emailAddress']);

/** A phone number as digits, without the US country code, so "+1 415 555 0100" is "(415) 555-0100". */
const phoneKey = (phone: string) => {
  const digits = phone.replace(/\D/g, '');
  return digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
};
const emailKey = (email: string) => email.trim().toLowerCase();

const personOf = (people: People, subject: string): Person => {
  let person = people.get(subject);
  if (!person) people.set(subject, (person = { names: new Set(), phones: new Set(), emails: new Set() }));
  return person;
};

/**
 * The people of classified values (`classifyData` with subjects): each person subject's values
 * under a name, phone or e-mail key, given and family names also together. Staff ids never: they
 * are the case's, not a person subject's. Paths in `erased` (stand-ins) are left out.
 */
export function peopleOf(
  entries: readonly Pick<ClassifiedValue, 'path' | 'value' | 'subject' | 'isKey'>[],
  into: People = new Map(),
  erased: ReadonlySet<string> = new Set(),
): People {
  const parts = new Map<string, { subject: string; p: Record<string, string> }>();
  for (const { path, value, subject, isKey } of entries) {
    const key = path.at(-1);
    if (
      isKey ||
      !subject ||
      !PERSON_SUBJECT.test(subject) ||
      typeof value !== 'string' ||
      typeof key !== 'string'
    )
      continue;
    if (!value.trim() || erased.has(path.join('.'))) continue;
    if (PERSON_NAME_KEYS.has(key)) {
      personOf(into, subject).names.add(value);
      const parent = `${subject}|${path.slice(0, -1).join('.')}`;
      const entry = parts.get(parent) ?? parts.set(parent, { subject, p: {} }).get(parent)!;
      entry.p[key] = value;
    } else if (PHONE_KEYS.has(key) && phoneKey(value).length >= 7)
      personOf(into, subject).phones.add(phoneKey(value));
    else if (EMAIL_KEYS.has(key)) personOf(into, subject).emails.add(emailKey(value));
  }
  for (const { subject, p } of parts.values()) {
    const full = [p.givenName ?? p.firstName, p.middleName, p.familyName ?? p.lastName].filter(Boolean);
    if (full.length > 1) personOf(into, subject).names.add(full.join(' '));
  }
  return into;
}

/** `into` with everything of `from` added. */
export function mergePeople(into: People, from: People): People {
  for (const [subject, person] of from) {
    const to = personOf(into, subject);
    for (const n of person.names) to.names.add(n);
    for (const p of person.phones) to.phones.add(p);
    for (const e of person.emails) to.emails.add(e);
  }
  return into;
}

/**
 * Where the people of a case appear in a text: their names as the FOIA redaction finds them
 * (`NameFinder`: accents, case and order tolerant, by part), and their phone numbers and e-mail
 * addresses as the patterns find them, when the case knows them as theirs. Overlapping spans are
 * one span with the owners of both (an e-mail address that contains a name).
 */
export class SpanFinder {
  private readonly names: NameFinder;
  private readonly phones = new Map<string, string[]>();
  private readonly emails = new Map<string, string[]>();

  constructor(people: People) {
    const known: KnownName[] = [];
    for (const [subject, person] of people) {
      for (const name of person.names) known.push({ name, owner: subject });
      for (const phone of person.phones)
        (this.phones.get(phone) ?? this.phones.set(phone, []).get(phone)!).push(subject);
      for (const email of person.emails)
        (this.emails.get(email) ?? this.emails.set(email, []).get(email)!).push(subject);
    }
    this.names = new NameFinder(known);
  }

  get empty(): boolean {
    return this.names.empty && this.phones.size === 0 && this.emails.size === 0;
  }

  find(text: string): NamedSpan[] {
    if (this.empty || !text) return [];
    const all: NamedSpan[] = [];
    for (const f of this.names.find(text))
      if (f.owners) all.push({ start: f.start, end: f.end, owners: f.owners });
    if (this.phones.size || this.emails.size)
      for (const f of findPatterns(text)) {
        const value = text.slice(f.start, f.end);
        const owners =
          f.kind === 'phone'
            ? this.phones.get(phoneKey(value))
            : f.kind === 'email'
              ? this.emails.get(emailKey(value))
              : undefined;
        if (owners) all.push({ start: f.start, end: f.end, owners: [...owners] });
      }
    all.sort((a, b) => a.start - b.start || b.end - a.end);
    const out: NamedSpan[] = [];
    for (const span of all) {
      const last = out.at(-1);
      if (last && span.start < last.end) {
        last.end = Math.max(last.end, span.end);
        last.owners = [...new Set([...last.owners, ...span.owners])];
        continue;
      }
      out.push({ ...span });
    }
    for (const span of out) span.owners.sort();
    return out;
  }
}
