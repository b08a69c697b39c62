import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../ui/PageTitle';

/**
 * What a partner user sees at the address of a referral that is not its organization's. The API
 * answers another organization's referral exactly as one that does not exist (404), so this page
 * says the same for both: it never tells whether such a referral exists.
 */
export function NotYours() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('portal.notYours.title')}</PageTitle>
      <p className="usa-intro">{t('portal.notYours.body')}</p>
      <p>{t('portal.notYours.help')}</p>
      <p>
        <Link to="/referrals">{t('portal.notYours.back')}</Link>
      </p>
    </>
  );
}
