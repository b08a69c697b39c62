import type { CaseFileTab } from './case-file-tab';

// Each tab lives in tabs/<id>/index.tsx and exports `tab`; adding a tab is adding a folder.
const modules = import.meta.glob<{ tab: CaseFileTab }>('./tabs/*/index.tsx', { eager: true });

export const CASE_FILE_TABS: readonly CaseFileTab[] = Object.values(modules)
  .map((m) => m.tab)
  .sort((a, b) => a.order - b.order);
