/** Statuses whose clock runs: open, or open again after an appeal sent the request back. */
export const isOpenStatus = (status: string) => status === 'received' || status === 'reprocessing';

/**
 * The FOIA queue's order as one sortable text, so the list pages by (queue_key, request_id): running
 * clocks first by due date (the same order as days left, overdue first), then tolled clocks by the
 * days they keep, then requests without a due date, then answered ones (released, responded,
 * appealed) by receipt. A request reprocessing after an appeal is open again: ordered by its new due date.
 */
export function queueKeyOf(row: {
  status: string;
  dueOn: string | null;
  tolledDaysLeft: number | null;
  receivedAt: string;
}): string {
  if (!isOpenStatus(row.status)) return `3:${row.receivedAt}`;
  if (row.tolledDaysLeft !== null) return `1:${String(row.tolledDaysLeft).padStart(6, '0')}`;
  if (row.dueOn) return `0:${row.dueOn}`;
  return `2:${row.receivedAt}`;
}
