import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { download } from '../../api/transfer';
import { useFormat } from '../../i18n/format';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { OPERATIONS, packageUrl, type FoiaRequestView } from './foia-api';

type Release = NonNullable<FoiaRequestView['release']>;

/** Why the gateway compiled the package again (its `Lse-Package-Recompiled`); absent: the stored copy. */
type Recompiled = 'identical' | 'erasure' | 'compiler-changed';
const RECOMPILED: readonly string[] = ['identical', 'erasure', 'compiler-changed'] satisfies Recompiled[];

/** What the document shown is: the copy stored at release, or compiled again and why. */
function sourceKey(recompiled: string | null) {
  if (recompiled === null) return 'foia.released.source.stored' as const;
  if (!RECOMPILED.includes(recompiled)) return 'foia.released.source.recompiled' as const;
  return `foia.released.source.${recompiled as Recompiled}` as const;
}

/**
 * The released package, shown as the file is: the gateway's own HTML document (the copy stored at
 * release, checked against its recorded digest there, or compiled again when none was kept: said
 * above the frame), put unchanged into a sandboxed frame. The frame runs no script and
 * has no origin of its own; it inherits the workbench's Content-Security-Policy, which allows the
 * document's one stylesheet by its hash. The downloads are the same documents, fetched with the
 * token in a header and saved from their bytes.
 */
export function ReleasedPackage({ requestId, release }: { requestId: string; release: Release }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const html = useQuery({
    queryKey: ['foia-package', requestId, 'html'],
    queryFn: async () => {
      const { data, response } = await api.GET('/api/v1/foia-requests/{requestId}/package', {
        params: { path: { requestId }, query: { format: 'html' } },
        parseAs: 'text',
      });
      return { html: data as string, recompiled: response.headers.get('Lse-Package-Recompiled') };
    },
    staleTime: Infinity,
  });
  const save = (format: 'html' | 'json') => {
    setDownloadError(null);
    download(packageUrl(requestId, format), OPERATIONS.package, `foia-response-${requestId}.${format}`).catch(
      setDownloadError,
    );
  };
  return (
    <section aria-labelledby="released-heading" className="margin-top-4">
      <h2 id="released-heading">{t('foia.released.heading')}</h2>
      <p>
        {t('foia.released.facts', {
          cutoff: f.dateTime(release.cutoff),
          records: f.number(release.records),
          redactions: f.number(release.redactions),
          overrides: f.number(release.overrides),
        })}
      </p>
      <dl className="workbench-facts">
        <dt>{t('foia.released.packageSha256')}</dt>
        <dd className="workbench-hash" data-testid="package-sha256">
          {release.packageSha256}
        </dd>
        <dt>{t('foia.released.htmlSha256')}</dt>
        <dd className="workbench-hash" data-testid="html-sha256">
          {release.htmlSha256}
        </dd>
      </dl>
      <p>
        <button type="button" className="usa-button" onClick={() => save('html')}>
          {t('foia.released.downloadHtml')}
        </button>
        <button type="button" className="usa-button usa-button--outline" onClick={() => save('json')}>
          {t('foia.released.downloadJson')}
        </button>
      </p>
      <ErrorAlert error={downloadError} />
      <ErrorAlert error={html.error} />
      {html.isPending && <p role="status">{t('foia.released.loading')}</p>}
      {html.data !== undefined && (
        <>
          <p data-testid="package-source">{t(sourceKey(html.data.recompiled))}</p>
          <p className="text-base-dark">{t('foia.released.sameAsFile')}</p>
          <iframe
            className="foia-package-frame"
            title={t('foia.released.frameTitle')}
            sandbox=""
            referrerPolicy="no-referrer"
            srcDoc={html.data.html}
            data-testid="package-frame"
          />
        </>
      )}
    </section>
  );
}
