import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { CaseFileTabProps } from './case-file-tab';

/**
 * After an action on the case: the investigation (and summary) again, and the lists it changed
 * (its findings; the investigations lists, which show the determination's status and amount).
 */
export function useCaseChanged({ caseId, ...tab }: Pick<CaseFileTabProps, 'caseId' | 'refresh'>): () => void {
  const queryClient = useQueryClient();
  return useCallback(() => {
    tab.refresh();
    void queryClient.invalidateQueries({ queryKey: ['findings', caseId] });
    void queryClient.invalidateQueries({ queryKey: ['investigations'] });
  }, [caseId, tab, queryClient]);
}
