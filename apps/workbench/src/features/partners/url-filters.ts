import type { FormEvent } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A list's filters live in the URL (bookmarkable, shareable): the current values, and a form
 * submit handler that writes the named fields back to the query string (blanks left out).
 */
export function useUrlFilters<K extends string>(names: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const values: Partial<Record<K, string>> = {};
  for (const name of names) {
    const v = params.get(name);
    if (v) values[name] = v;
  }
  const apply = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const next = new URLSearchParams();
    for (const name of names) {
      const raw = data.get(name);
      if (typeof raw === 'string' && raw.trim() !== '') next.set(name, raw.trim());
    }
    setParams(next);
  };
  return { values, apply, key: JSON.stringify(values) };
}
