import { useCallback, useState } from 'react';
import type { CursorPager } from './ServerTable';

/**
 * Cursor paging for a server list: the cursors of the pages already seen are kept, so "previous"
 * goes back exactly; a change of filters starts again at page one (`resetKey`).
 */
export function useCursorPages(resetKey: string) {
  const [state, setState] = useState<{ key: string; cursors: (string | undefined)[] }>({
    key: resetKey,
    cursors: [undefined],
  });
  const cursors = state.key === resetKey ? state.cursors : [undefined];
  const cursor = cursors[cursors.length - 1];
  const pager = useCallback(
    (nextCursor: string | null | undefined): CursorPager => ({
      pageNumber: cursors.length,
      hasPrevious: cursors.length > 1,
      hasNext: !!nextCursor,
      previous: () => setState({ key: resetKey, cursors: cursors.slice(0, -1) }),
      next: () => nextCursor && setState({ key: resetKey, cursors: [...cursors, nextCursor] }),
    }),
    [cursors, resetKey],
  );
  return { cursor, pager };
}
