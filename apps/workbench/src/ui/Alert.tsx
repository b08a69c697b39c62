import type { ReactNode } from 'react';

type Kind = 'info' | 'success' | 'warning' | 'error';

/** The USWDS alert. Errors and warnings are announced at once (role=alert); the rest politely. */
export function Alert({
  kind,
  heading,
  children,
  slim,
  headingLevel = 'h2',
}: {
  kind: Kind;
  heading?: string;
  children?: ReactNode;
  slim?: boolean;
  headingLevel?: 'h2' | 'h3' | 'h4';
}) {
  const Heading = headingLevel;
  return (
    <div
      className={`usa-alert usa-alert--${kind}${slim ? ' usa-alert--slim' : ''} margin-y-2`}
      role={kind === 'error' || kind === 'warning' ? 'alert' : 'status'}
    >
      <div className="usa-alert__body">
        {heading && <Heading className="usa-alert__heading">{heading}</Heading>}
        {children && <div className="usa-alert__text">{children}</div>}
      </div>
    </div>
  );
}
