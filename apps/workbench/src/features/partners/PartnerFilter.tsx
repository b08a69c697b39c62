import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/Field';
import type { PartnerEntry } from './partner-api';

/** A list's partner filter: the directory's organizations by name (the URL keeps the id). */
export function PartnerFilter({
  partners,
  value,
  error,
}: {
  partners: PartnerEntry[];
  value: string | undefined;
  error?: string;
}) {
  const { t } = useTranslation();
  const known = !value || partners.some((p) => p.id === value);
  return (
    <Field label={t('partners.filters.partner')} error={error}>
      <select className="usa-select" name="partnerId" defaultValue={value ?? ''}>
        <option value="">{t('common.any')}</option>
        {partners.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
        {!known && <option value={value}>{value}</option>}
      </select>
    </Field>
  );
}
