import { useTranslation } from 'react-i18next';

/** The flag on a partner with fewer than two point people: said in words, not by colour alone. */
export function PointPeopleFlag({ count }: { count: number }) {
  const { t } = useTranslation();
  if (count >= 2) return null;
  return (
    <span className="usa-tag bg-secondary-dark" data-testid="point-people-flag">
      {t('partners.pointPeople.flag', { count })}
    </span>
  );
}
