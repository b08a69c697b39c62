import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { tab } from '../../src/features/case-file/tabs/evidence';
import { FakeXhr } from '../support/fake-xhr';
import { CASE_ID, investigationView } from '../support/investigation-view';
import { mockApi, notFound, problem } from '../support/mock-api';
import { renderTab, signInAs } from '../support/render-tab';

const EvidenceTab = tab.Component;
const EVIDENCE_ID = '35b4fd5c-4f71-5c97-ac49-6bfd01511200';
const SHA = '1aa95500ae5e4a46b5a00c5a36346e2a4b22714fdc7251cb70bbc83a128cba79';
const stored = {
  evidenceId: EVIDENCE_ID,
  sha256: SHA,
  sizeBytes: 5,
  mediaType: 'application/pdf',
  storageRef: `sha256:${SHA}`,
  fileName: 'maria-paystubs.pdf',
  description: 'March pay stubs',
};

function renderEvidence(role: 'investigator' | 'auditor' = 'investigator') {
  signInAs(role, role === 'auditor' ? 'aud@agency.gov' : 'ines@agency.gov');
  const refresh = jest.fn();
  renderTab(
    <EvidenceTab
      caseId={CASE_ID}
      investigation={investigationView({ evidence: [stored] })}
      refresh={refresh}
    />,
    {
      path: `/cases/${CASE_ID}/evidence`,
    },
  );
  return { refresh };
}

describe('the evidence tab', () => {
  beforeEach(() => FakeXhr.install());

  it('lists each file with its SHA-256, and uploads a new one with progress, its name in the body and never in the URL', async () => {
    mockApi(notFound);
    const user = userEvent.setup();
    const { refresh } = renderEvidence();
    const row = screen.getByRole('row', { name: /maria-paystubs\.pdf/ });
    expect(within(row).getByTestId('evidence-sha256').textContent).toBe(SHA);

    await user.upload(
      screen.getByLabelText(/^File/),
      new File(['hello'], 'ana-timecards.png', { type: 'image/png' }),
    );
    await user.type(screen.getByLabelText('Description'), 'Photo of the timecards');
    await user.click(screen.getByRole('button', { name: 'Upload' }));
    await waitFor(() => expect(FakeXhr.requests).toHaveLength(1));
    const sent = FakeXhr.requests[0]!;
    expect(sent.url).toBe(`/api/v1/cases/${CASE_ID}/investigation/evidence`);
    expect(sent.headers.get('Content-Type')).toBe('application/json');
    expect(sent.headers.get('Authorization')).toBe('Bearer test-token');
    expect(sent.headers.get('If-Match')).toBe('"7"');
    expect(JSON.parse(sent.body as string)).toEqual({
      contentBase64: Buffer.from('hello').toString('base64'),
      mediaType: 'image/png',
      fileName: 'ana-timecards.png',
      description: 'Photo of the timecards',
    });

    sent.progress(3, 5);
    expect((await screen.findByLabelText('Uploading: 60%')).getAttribute('value')).toBe('60');
    sent.respond(200, {
      caseId: CASE_ID,
      version: 8,
      status: 'open',
      events: ['EvidenceAttached'],
      id: EVIDENCE_ID,
      result: { sha256: 'f'.repeat(64) },
      replayed: false,
    });
    await waitFor(() => expect(refresh).toHaveBeenCalled());
    expect(screen.getByRole('status').textContent).toBe(`Evidence attached. SHA-256: ${'f'.repeat(64)}`);
    expect(screen.queryByLabelText(/^Uploading/)).toBeNull();
  });

  it('says which role may attach evidence when the API refuses, and keeps the description typed', async () => {
    mockApi(notFound);
    const user = userEvent.setup();
    renderEvidence();
    await user.upload(screen.getByLabelText(/^File/), new File(['x'], 'a.txt', { type: 'text/plain' }));
    await user.type(screen.getByLabelText('Description'), 'Kept after the refusal');
    await user.click(screen.getByRole('button', { name: 'Upload' }));
    await waitFor(() => expect(FakeXhr.requests).toHaveLength(1));
    FakeXhr.requests[0]!.respond(403, { status: 403, title: 'Forbidden' });
    expect((await screen.findByRole('alert')).textContent).toContain('investigator or supervisor');
    expect(screen.getByLabelText<HTMLTextAreaElement>('Description').value).toBe('Kept after the refusal');
  });

  it('asks for a file before sending anything', async () => {
    mockApi(notFound);
    const user = userEvent.setup();
    renderEvidence();
    await user.click(screen.getByRole('button', { name: 'Upload' }));
    expect(screen.getByText('Choose the file to upload.')).toBeTruthy();
    expect(FakeXhr.requests).toHaveLength(0);
  });

  it('downloads a file with the token in a header and saves it as a blob under its name', async () => {
    const calls = mockApi((call) =>
      call.path === `/api/v1/cases/${CASE_ID}/investigation/evidence/${EVIDENCE_ID}/content`
        ? new Response('%PDF-', {
            status: 200,
            headers: { 'content-type': 'application/pdf', etag: `"${SHA}"` },
          })
        : notFound(call),
    );
    const saved: { href: string; download: string }[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      saved.push({ href: this.href, download: this.download });
    });
    const createObjectURL = jest.fn((_blob: Blob) => 'blob:http://localhost/evidence');
    URL.createObjectURL = createObjectURL;
    URL.revokeObjectURL = jest.fn();
    try {
      const user = userEvent.setup();
      renderEvidence('auditor');
      // An auditor reads and downloads; attaching is not offered.
      expect(screen.queryByRole('button', { name: 'Upload' })).toBeNull();
      await user.click(screen.getByRole('button', { name: /Download/ }));
      await waitFor(() => expect(saved).toHaveLength(1));
      expect(saved[0]).toEqual({ href: 'blob:http://localhost/evidence', download: 'maria-paystubs.pdf' });
      expect(calls[0]!.headers.get('Authorization')).toBe('Bearer test-token');
      expect(calls[0]!.query.toString()).toBe('');
      expect(createObjectURL.mock.calls[0]![0].size).toBe(5);
    } finally {
      click.mockRestore();
    }
  });

  it('says why a download failed', async () => {
    mockApi(() => problem(404, { title: 'Not found', detail: 'No such evidence.' }));
    const user = userEvent.setup();
    renderEvidence('auditor');
    await user.click(screen.getByRole('button', { name: /Download/ }));
    expect((await screen.findByRole('alert')).textContent).toContain('No such evidence.');
  });
});
