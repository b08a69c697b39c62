import { screen } from '@testing-library/react';
import { ApiError } from '../../src/api/problem';
import { operationRoles } from '../../src/api/operation-roles';
import { ErrorAlert } from '../../src/ui/ErrorAlert';
import { renderWithApp } from '../support/render';

const APPROVE = 'POST /api/v1/cases/{caseId}/investigation/determination/approval';
const RECEIVE = 'POST /api/v1/complaints';

describe('ErrorAlert', () => {
  it('names the roles that may do what a 403 refused, from the operation x-roles', async () => {
    expect(operationRoles[APPROVE]).toEqual(['supervisor']);
    const error = new ApiError(403, { status: 403, detail: 'role investigator may not approve' }, APPROVE);
    await renderWithApp(<ErrorAlert error={error} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Your role may not do this');
    expect(alert.textContent).toContain('This needs the role of supervisor.');
    expect(alert.textContent).toContain('role investigator may not approve');
  });

  it('lists several roles as alternatives in the interface language', async () => {
    expect(operationRoles[RECEIVE]).toEqual(['intake_officer', 'supervisor']);
    const error = new ApiError(403, { status: 403 }, RECEIVE);
    const english = await renderWithApp(<ErrorAlert error={error} />);
    expect(screen.getByRole('alert').textContent).toContain(
      'This needs the role of intake officer or supervisor.',
    );
    english.unmount();
    await renderWithApp(<ErrorAlert error={error} />, { language: 'es' });
    expect(screen.getByRole('alert').textContent).toContain(
      'Esto requiere el rol de oficial de admisión o supervisor(a).',
    );
  });

  it('says so when the document names no role for a refused operation', async () => {
    await renderWithApp(<ErrorAlert error={new ApiError(403, { status: 403 }, 'GET /api/v1/unknown')} />);
    expect(screen.getByRole('alert').textContent).toContain('Ask your supervisor who may.');
  });

  it('explains a 409 as someone else changing the case and offers a reload that calls back', async () => {
    const onReload = jest.fn();
    const error = new ApiError(409, { status: 409, detail: 'expected version 3, stream is at 4' }, APPROVE);
    const { user } = await renderWithApp(<ErrorAlert error={error} onReload={onReload} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Someone else changed this case');
    expect(alert.textContent).toContain('expected version 3, stream is at 4');
    await user.click(screen.getByRole('button', { name: 'Reload the case' }));
    expect(onReload).toHaveBeenCalledTimes(1);
  });

  it('offers no reload button on a 409 when the screen cannot reload', async () => {
    await renderWithApp(<ErrorAlert error={new ApiError(409, { status: 409 }, APPROVE)} />);
    expect(screen.getByRole('alert').textContent).toContain('Someone else changed this case');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('says the 409 in Spanish when the interface is in Spanish', async () => {
    await renderWithApp(
      <ErrorAlert error={new ApiError(409, { status: 409 }, APPROVE)} onReload={() => {}} />,
      { language: 'es' },
    );
    expect(screen.getByRole('alert').textContent).toContain('Otra persona cambió este caso');
    expect(screen.getByRole('button', { name: 'Volver a cargar el caso' })).toBeTruthy();
  });

  it('lists the fields a 400 names under a heading in the interface language, with the support reference', async () => {
    const error = new ApiError(
      400,
      {
        status: 400,
        title: 'Invalid request',
        errors: [{ path: 'complainants.0.preferredLanguage', message: 'expected a language code' }],
        correlationId: 'c0ffee',
      },
      RECEIVE,
    );
    await renderWithApp(<ErrorAlert error={error} />);
    const alert = screen.getByRole('alert');
    // The server's title is English; with field errors the list explains it in the person's language.
    expect(alert.textContent).toContain('Check what you entered');
    expect(alert.textContent).not.toContain('Invalid request');
    expect(alert.textContent).toContain('complainants.0.preferredLanguage: expected a language code');
    expect(alert.textContent).toContain('Reference for support: c0ffee');
  });

  it('says a coded field error in the interface language, and a rule’s own message as the server wrote it', async () => {
    const error = new ApiError(
      400,
      {
        status: 400,
        errors: [
          { path: 'requesterName', code: 'required', message: 'Required: enter a value.' },
          {
            path: 'description',
            code: 'too_long',
            limit: 4000,
            message: 'Too long: use at most 4000 characters.',
          },
          {
            path: 'caseIds.0',
            code: 'invalid_format',
            format: 'uuid',
            message: 'Enter an id as the system shows it.',
          },
          { path: 'records', message: 'overlapping_workweeks: two rows cover the week of 2026-03-02' },
          { path: 'hours', code: 'too_small', limit: 0, inclusive: false, message: 'Enter more than 0.' },
        ],
      },
      RECEIVE,
    );
    const english = await renderWithApp(<ErrorAlert error={error} />);
    let text = screen.getByRole('alert').textContent;
    expect(text).toContain('requesterName: Required: enter a value.');
    expect(text).toContain('description: Too long: use at most 4000 characters.');
    expect(text).toContain('caseIds.0: Enter an id as the system shows it (in the case file’s address)');
    expect(text).toContain('records: overlapping_workweeks: two rows cover the week of 2026-03-02');
    expect(text).toContain('hours: Enter more than 0.');
    expect(error.fieldErrors()).toMatchObject({ requesterName: 'Required: enter a value.' });
    english.unmount();
    await renderWithApp(<ErrorAlert error={error} />, { language: 'es' });
    text = screen.getByRole('alert').textContent;
    expect(text).toContain('requesterName: Obligatorio: escriba un valor.');
    expect(text).toContain('description: Demasiado largo: use como máximo 4000 caracteres.');
    expect(text).toContain('caseIds.0: Escriba un identificador como lo muestra el sistema');
    // A domain rule's words are not in the catalog: they stay as the server wrote them.
    expect(text).toContain('records: overlapping_workweeks: two rows cover the week of 2026-03-02');
    expect(text).toContain('hours: Escriba más de 0.');
    expect(error.fieldErrors()).toMatchObject({ requesterName: 'Obligatorio: escriba un valor.' });
  });

  it('shows an unreachable gateway as the system not answering, not as a form error', async () => {
    await renderWithApp(<ErrorAlert error={new ApiError(0, { detail: 'Failed to fetch' }, RECEIVE)} />);
    expect(screen.getByRole('alert').textContent).toContain('The system is not answering');
  });

  it('renders nothing without an error', async () => {
    const { container } = await renderWithApp(<ErrorAlert error={null} />);
    expect(container.textContent).toBe('');
  });
});
