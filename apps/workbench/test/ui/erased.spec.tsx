import { screen } from '@testing-library/react';
import { ERASED, useShownName } from '../../src/ui/erased';
import { renderWithApp } from '../support/render';

function Names({ names }: { names: string[] }) {
  const shown = useShownName();
  return (
    <ul>
      {names.map((n) => (
        <li key={n}>{shown(n)}</li>
      ))}
    </ul>
  );
}

describe('an erased name (docs/architecture.md#erasing-a-person)', () => {
  it('reads "Name erased" in English and "Nombre borrado" in Spanish; other names as they are', async () => {
    const english = await renderWithApp(<Names names={[ERASED, 'Ana Lucía Flores']} />);
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Name erased',
      'Ana Lucía Flores',
    ]);
    english.unmount();
    await renderWithApp(<Names names={[ERASED]} />, { language: 'es' });
    expect(screen.getByRole('listitem').textContent).toBe('Nombre borrado');
  });
});
