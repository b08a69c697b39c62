import { useTranslation } from 'react-i18next';
import type { RedactionEntry } from './foia-api';

/**
 * Where a withheld value stands: a dark box labelled with its exemptions and its entry in the
 * package's redaction log (the package's own marker, `[WITHHELD (b)(6) #3]`, says the same). It
 * never holds the value; a field released on review is only said to be released.
 */
export function RedactionBox({ entry }: { entry: RedactionEntry }) {
  const { t } = useTranslation();
  const codes = entry.exemptions.join(', ');
  if (entry.released)
    return (
      <span className="foia-redaction foia-redaction--released" data-testid="redaction-box">
        <span aria-hidden="true">{t('foia.review.released')}</span>
        <span className="usa-sr-only">{t('foia.review.releasedLabel', { n: entry.n })}</span>
      </span>
    );
  return (
    <span className="foia-redaction" data-testid="redaction-box">
      <span aria-hidden="true">
        {t('foia.review.withheldBox')} {codes} #{entry.n}
      </span>
      <span className="usa-sr-only">{t('foia.review.withheldLabel', { n: entry.n, codes })}</span>
    </span>
  );
}

/** What an exemption code withholds, in the interface's language (the catalog's text otherwise). */
export function useExemptionMeaning(catalog: Record<string, string>) {
  const { t, i18n } = useTranslation();
  return (code: string) => {
    const key = `foia.exemptions.${code}`;
    return i18n.exists(key) ? t(key as 'foia.exemptions.(b)(6)') : (catalog[code] ?? code);
  };
}
