import { i18n } from '../../src/i18n';

// Every test starts in English with no session; a test that wants Spanish says so.
beforeEach(async () => {
  sessionStorage.clear();
  localStorage.clear();
  await i18n.changeLanguage('en');
});
