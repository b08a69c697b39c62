import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The page's one h1, also the document title. Focus moves to it when the page changes, so a
 * screen-reader user hears where they are after following a link (a single-page app does not
 * reload).
 */
export function PageTitle({ children, subtitle }: { children: string; subtitle?: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${children} · ${t('app.name')}`;
    ref.current?.focus({ preventScroll: true });
  }, [children, t]);
  return (
    <div className="margin-bottom-2">
      <h1 ref={ref} tabIndex={-1} className="margin-bottom-05 outline-0">
        {children}
      </h1>
      {subtitle && <p className="margin-top-0 text-base-dark">{subtitle}</p>}
    </div>
  );
}
