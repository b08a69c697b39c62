import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { useSession } from '../auth/session';
import { SignInPage } from '../features/sign-in/SignInPage';
import { SignInCallback } from '../features/sign-in/SignInCallback';
import { Layout } from './Layout';
import { homeFor } from './nav';
import { NoAccess, NotFound } from './NoAccess';
import { StaffOnly } from './StaffOnly';
import { RequireSession } from './RequireSession';
import { RouteError } from './RouteError';

function Loading() {
  return <p role="status">…</p>;
}

function Home() {
  const session = useSession();
  return <Navigate to={session ? homeFor(session.actor.role) : '/sign-in'} replace />;
}

/**
 * Every screen has a URL. Screens past sign-in load on demand (one chunk per feature), so the
 * first page ships only the shell: workbench.bundle_kb in npm run bench holds it to budget.
 */
export const routes: RouteObject[] = [
  { path: '/sign-in', element: <SignInPage /> },
  { path: '/sign-in/callback', element: <SignInCallback /> },
  {
    element: <RequireSession />,
    errorElement: <RouteError />,
    HydrateFallback: Loading,
    children: [
      {
        element: <Layout />,
        errorElement: <RouteError />,
        children: [
          { index: true, element: <Home /> },
          {
            path: 'my-work',
            lazy: async () => ({ Component: (await import('../features/my-work/MyWorkPage')).MyWorkPage }),
          },
          {
            // Staff screens: a partner user typing their address is shown no-access, nothing loads.
            element: <StaffOnly />,
            children: [
              {
                path: 'complaints',
                lazy: async () => ({
                  Component: (await import('../features/complaints/ComplaintsPage')).ComplaintsPage,
                }),
              },
              {
                path: 'complaints/new',
                lazy: async () => ({
                  Component: (await import('../features/complaints/NewComplaintPage')).NewComplaintPage,
                }),
              },
              {
                path: 'complaints/:caseId',
                lazy: async () => ({
                  Component: (await import('../features/complaints/ComplaintPage')).ComplaintPage,
                }),
              },
            ],
          },
          {
            path: 'cases',
            lazy: async () => ({ Component: (await import('../features/cases/CasesPage')).CasesPage }),
          },
          {
            path: 'cases/:caseId/:tab?',
            lazy: async () => ({
              Component: (await import('../features/case-file/CaseFilePage')).CaseFilePage,
            }),
          },
          {
            path: 'collections',
            lazy: async () => ({
              Component: (await import('../features/receivables/ReceivablesPage')).ReceivablesPage,
            }),
          },
          {
            path: 'dashboard',
            lazy: async () => ({
              Component: (await import('../features/dashboard/DashboardPage')).DashboardPage,
            }),
          },
          {
            path: 'partners',
            lazy: async () => ({
              Component: (await import('../features/partners/PartnersPage')).PartnersPage,
            }),
          },
          {
            path: 'partners/:id',
            lazy: async () => ({ Component: (await import('../features/partners/PartnerPage')).PartnerPage }),
          },
          {
            path: 'agreements',
            lazy: async () => ({
              Component: (await import('../features/partners/AgreementsPage')).AgreementsPage,
            }),
          },
          {
            path: 'agreements/new',
            lazy: async () => ({
              Component: (await import('../features/partners/DraftAgreementPage')).DraftAgreementPage,
            }),
          },
          {
            path: 'agreements/:id',
            lazy: async () => ({
              Component: (await import('../features/partners/AgreementPage')).AgreementPage,
            }),
          },
          {
            path: 'referrals',
            lazy: async () => ({
              Component: (await import('../features/partners/ReferralsPage')).ReferralsPage,
            }),
          },
          {
            path: 'referrals/new',
            lazy: async () => ({
              Component: (await import('../features/partners/NewReferralPage')).NewReferralPage,
            }),
          },
          {
            path: 'referrals/:id',
            lazy: async () => ({
              Component: (await import('../features/partners/ReferralPage')).ReferralPage,
            }),
          },
          {
            path: 'disclosures',
            lazy: async () => ({
              Component: (await import('../features/partners/DisclosuresPage')).DisclosuresPage,
            }),
          },
          {
            path: 'collections/:caseId/:tab?',
            lazy: async () => ({
              Component: (await import('../features/collection-case/CollectionCasePage')).CollectionCasePage,
            }),
          },
          {
            path: 'foia',
            lazy: async () => ({ Component: (await import('../features/foia/FoiaQueuePage')).FoiaQueuePage }),
          },
          {
            path: 'foia/new',
            lazy: async () => ({
              Component: (await import('../features/foia/NewFoiaRequestPage')).NewFoiaRequestPage,
            }),
          },
          {
            path: 'foia/:requestId',
            lazy: async () => ({
              Component: (await import('../features/foia/FoiaRequestPage')).FoiaRequestPage,
            }),
          },
          {
            path: 'audit/cases/:caseId/history',
            lazy: async () => ({ Component: (await import('../features/audit/HistoryPage')).HistoryPage }),
          },
          {
            path: 'audit/cases/:caseId/as-of',
            lazy: async () => ({ Component: (await import('../features/audit/AsOfPage')).AsOfPage }),
          },
          {
            path: 'records',
            lazy: async () => ({ Component: (await import('../features/records/RecordsPage')).RecordsPage }),
          },
          {
            path: 'audit/integrity',
            lazy: async () => ({
              Component: (await import('../features/audit/IntegrityPage')).IntegrityPage,
            }),
          },
          { path: 'no-access', element: <NoAccess /> },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
