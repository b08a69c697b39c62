import auditEn from './locales/audit.en.json';
import auditEs from './locales/audit.es.json';
import en from './locales/en.json';
import es from './locales/es.json';
import collectionCaseEn from './locales/collection-case.en.json';
import collectionCaseEs from './locales/collection-case.es.json';
import partnersEn from './locales/partners.en.json';
import partnersEs from './locales/partners.es.json';
import portalEn from './locales/portal.en.json';
import portalEs from './locales/portal.es.json';
import chartEn from './locales/chart.en.json';
import chartEs from './locales/chart.es.json';
import dashboardEn from './locales/dashboard.en.json';
import dashboardEs from './locales/dashboard.es.json';
import receivablesEn from './locales/receivables.en.json';
import receivablesEs from './locales/receivables.es.json';
import foiaEn from './locales/foia.en.json';
import foiaEs from './locales/foia.es.json';
import foiaLifeEn from './locales/foia-life.en.json';
import foiaLifeEs from './locales/foia-life.es.json';
import recordsEn from './locales/records.en.json';
import recordsEs from './locales/records.es.json';

/**
 * The text of the workbench in each language. The shell and the first screens are in
 * `locales/<lang>.json`; each later area keeps its text in `locales/<area>.<lang>.json` under one
 * top-level key of its own (`collections`, `audit`...), so areas built side by side never edit
 * the same file. Keys stay `area.section.key` in one namespace either way: add an area's file to
 * PARTS and to CATALOGS (a test checks no two parts share a top-level key).
 */
export const PARTS = {
  en: [
    en,
    collectionCaseEn,
    partnersEn,
    portalEn,
    foiaEn,
    auditEn,
    chartEn,
    receivablesEn,
    dashboardEn,
    foiaLifeEn,
    recordsEn,
  ],
  es: [
    es,
    collectionCaseEs,
    partnersEs,
    portalEs,
    foiaEs,
    auditEs,
    chartEs,
    receivablesEs,
    dashboardEs,
    foiaLifeEs,
    recordsEs,
  ],
} as const;

export const CATALOGS = {
  en: {
    ...en,
    ...collectionCaseEn,
    ...partnersEn,
    ...portalEn,
    ...foiaEn,
    ...auditEn,
    ...chartEn,
    ...receivablesEn,
    ...dashboardEn,
    ...foiaLifeEn,
    ...recordsEn,
  },
  es: {
    ...es,
    ...collectionCaseEs,
    ...partnersEs,
    ...portalEs,
    ...foiaEs,
    ...auditEs,
    ...chartEs,
    ...receivablesEs,
    ...dashboardEs,
    ...foiaLifeEs,
    ...recordsEs,
  },
};

/** The English catalog's shape: keys are checked against it at compile time. */
export type Catalog = typeof CATALOGS.en;
