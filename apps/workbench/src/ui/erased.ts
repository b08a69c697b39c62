import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * What the API shows for a value whose data subject was erased (its key destroyed:
 * docs/architecture.md#erasing-a-person), as libs/crypto-shred writes it.
 */
export const ERASED = '[erased]';

/** A name as staff read it: an erased one says so in the interface's language. */
export function useShownName(): (name: string) => string {
  const { t } = useTranslation();
  return useCallback((name: string) => (name === ERASED ? t('records.erased.name') : name), [t]);
}
