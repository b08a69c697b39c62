import { fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import type { HistoryEntry } from '../../src/features/audit/audit-api';
import { stopsOf } from '../../src/features/audit/instants';
import { TimeControl } from '../../src/features/audit/TimeControl';
import { renderWithApp } from '../support/render';

const event = (type: string, recordedAt: string) => ({ type, recordedAt }) as HistoryEntry;
const STOPS = stopsOf([
  event('ComplaintReceived', '2026-12-06T16:00:00.000Z'),
  event('CaseOpened', '2026-12-06T16:00:01.000Z'),
  event('InvestigationOpened', '2026-12-06T16:00:01.000Z'),
  event('DeterminationIssued', '2026-12-06T16:30:00.000Z'),
]);

/** The control as a screen holds it: the instant is the screen's state (its URL in the app). */
function Harness({ start, seen }: { start: string; seen: string[] }) {
  const [at, setAt] = useState(start);
  return (
    <TimeControl
      stops={STOPS}
      at={at}
      onChange={(next) => {
        seen.push(next);
        setAt(next);
      }}
    />
  );
}

describe('the time control', () => {
  it('snaps to the instants events were recorded, says which events in words, and steps with its buttons', async () => {
    const seen: string[] = [];
    const { user } = await renderWithApp(<Harness start={STOPS[2]!.at} seen={seen} />);
    const slider = screen.getByRole<HTMLInputElement>('slider', { name: "Move through the case's events" });
    expect([slider.min, slider.max, slider.step, slider.value]).toEqual(['0', '2', '1', '2']);
    expect(slider.getAttribute('aria-valuetext')).toMatch(/^Event 3 of 3: Determination issued, recorded /);
    // At the latest: no next, no latest.
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Next event' }).disabled).toBe(true);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Latest' }).disabled).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Previous event' }));
    expect(slider.value).toBe('1');
    // Two events of one transaction are one step, both named.
    expect(slider.getAttribute('aria-valuetext')).toMatch(/^Event 2 of 3: Case opened, Investigation opened/);
    await user.click(screen.getByRole('button', { name: 'Previous event' }));
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Previous event' }).disabled).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Latest' }));
    expect(seen).toEqual([STOPS[1]!.at, STOPS[0]!.at, STOPS[2]!.at]);
  });

  it('is reached and operated from the keyboard: the slider first, then its buttons', async () => {
    const seen: string[] = [];
    const { user } = await renderWithApp(<Harness start={STOPS[0]!.at} seen={seen} />);
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('slider'));
    // (jsdom does not move a range input on arrow keys as a browser does: the browser journey does.)
    fireEvent.change(screen.getByRole('slider'), { target: { value: '2' } });
    expect(seen).toEqual([STOPS[2]!.at]);
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Previous event' }));
    await user.keyboard('{Enter}');
    expect(seen).toEqual([STOPS[2]!.at, STOPS[1]!.at]);
  });

  it('takes a typed instant in the browser time zone, to the millisecond, and refuses an incomplete one beside the field', async () => {
    const seen: string[] = [];
    const { user } = await renderWithApp(<Harness start={STOPS[2]!.at} seen={seen} />);
    const typed = screen.getByLabelText<HTMLInputElement>('Or any instant');
    expect(typed.step).toBe('0.001');
    fireEvent.change(typed, { target: { value: '2026-12-06T08:15:00.250' } });
    await user.click(screen.getByRole('button', { name: 'Show the case then' }));
    expect(seen).toEqual([new Date('2026-12-06T08:15:00.250').toISOString()]);
    fireEvent.change(typed, { target: { value: '' } });
    await user.click(screen.getByRole('button', { name: 'Show the case then' }));
    const error = screen.getByText('Enter a complete date and time.');
    expect(typed.getAttribute('aria-invalid')).toBe('true');
    expect(typed.getAttribute('aria-describedby')).toContain(error.id);
    expect(seen).toHaveLength(1);
  });
});
