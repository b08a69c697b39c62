import { useTranslation } from 'react-i18next';

/**
 * Names a person reads for what the store names in code: event types, services, stream
 * categories and roles, in the interface language; anything without a translation is shown as
 * the store names it.
 */
export function useEventLabel() {
  const { t, i18n } = useTranslation();
  return (type: string) =>
    i18n.exists(`events.${type}`) ? t(`events.${type}` as 'events.CaseOpened') : type;
}

export function useLabels() {
  const { t, i18n } = useTranslation();
  const event = useEventLabel();
  const known = (key: string, fallback: string) => (i18n.exists(key) ? t(key as 'app.name') : fallback);
  return {
    event,
    service: (name: string) => known(`services.${name}`, name),
    category: (name: string) => known(`audit.categories.${name}`, name),
    resource: (name: string) => known(`audit.resources.${name}`, name),
    role: (role: string) => (role === 'system' ? t('timeline.system') : known(`roles.${role}`, role)),
  };
}
