import { useTranslation } from 'react-i18next';
import type { NonMonetaryTerm } from './collection-data';

export const TERM_KINDS = ['training', 'notice_posting', 'monitoring', 'anti_retaliation', 'other'] as const;

/** One non-monetary term as typed. */
export interface TermRow {
  key: number;
  kind: string;
  description: string;
}

let nextKey = 1;
export const termRow = (kind = '', description = ''): TermRow => ({ key: nextKey++, kind, description });

/** The terms as the API takes them (what is left half-filled is sent, for the service to say why). */
export function rowsToTerms(rows: readonly TermRow[]): NonMonetaryTerm[] {
  return rows
    .filter((r) => r.kind || r.description.trim())
    .map((r) => ({ kind: r.kind as NonMonetaryTerm['kind'], description: r.description.trim() }));
}

/**
 * What a settlement asks of the employer besides money (training, posting a notice, monitoring,
 * no retaliation): a kind and a description each, added and removed freely.
 */
export function TermsEditor({
  rows,
  onChange,
  errors,
}: {
  rows: readonly TermRow[];
  onChange: (rows: TermRow[]) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const update = (key: number, patch: Partial<TermRow>) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
    <fieldset className="usa-fieldset margin-top-3">
      <legend className="usa-legend">{t('collectionCase.terms.legend')}</legend>
      {rows.length === 0 && <p className="usa-hint">{t('collectionCase.terms.none')}</p>}
      {rows.map((r, i) => {
        const n = i + 1;
        const kindError = errors[`nonMonetaryTerms.${i}.kind`];
        const descriptionError = errors[`nonMonetaryTerms.${i}.description`];
        return (
          <div key={r.key} className="margin-bottom-2" data-testid="term-row">
            <label className="usa-label" htmlFor={`term-${r.key}-kind`}>
              {t('collectionCase.terms.kindOf', { n })}
            </label>
            {kindError && <span className="usa-error-message">{kindError}</span>}
            <select
              id={`term-${r.key}-kind`}
              className="usa-select"
              aria-invalid={kindError ? true : undefined}
              value={r.kind}
              onChange={(e) => update(r.key, { kind: e.currentTarget.value })}
            >
              <option value="">{t('collectionCase.choose')}</option>
              {TERM_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`collectionCase.terms.kinds.${k}`)}
                </option>
              ))}
            </select>
            <label className="usa-label" htmlFor={`term-${r.key}-description`}>
              {t('collectionCase.terms.descriptionOf', { n })}
            </label>
            {descriptionError && <span className="usa-error-message">{descriptionError}</span>}
            <textarea
              id={`term-${r.key}-description`}
              className="usa-textarea height-10"
              aria-invalid={descriptionError ? true : undefined}
              value={r.description}
              onChange={(e) => update(r.key, { description: e.currentTarget.value })}
            />
            <button
              type="button"
              className="usa-button usa-button--unstyled margin-top-1"
              onClick={() => onChange(rows.filter((x) => x.key !== r.key))}
            >
              {t('collectionCase.terms.remove', { n })}
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="usa-button usa-button--outline"
        onClick={() => onChange([...rows, termRow()])}
      >
        {t('collectionCase.terms.add')}
      </button>
    </fieldset>
  );
}
