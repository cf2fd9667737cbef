import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import nlCommon from '../locales/nl/common.json';
import nlAuth from '../locales/nl/auth.json';
import nlHome from '../locales/nl/home.json';
import nlMe from '../locales/nl/me.json';
import nlAdmin from '../locales/nl/admin.json';
import nlAudit from '../locales/nl/audit.json';
import nlImport from '../locales/nl/import.json';
import nlSso from '../locales/nl/sso.json';
import nlCycle from '../locales/nl/cycle.json';
import nlConversations from '../locales/nl/conversations.json';
import nlFeedback from '../locales/nl/feedback.json';
import nlDevelopment from '../locales/nl/development.json';
import nlBarometer from '../locales/nl/barometer.json';
import nlTeam from '../locales/nl/team.json';
import nlVisits from '../locales/nl/visits.json';
import nlPreparations from '../locales/nl/preparations.json';
import nlProgramme from '../locales/nl/programme.json';
import enCommon from '../locales/en/common.json';
import enAuth from '../locales/en/auth.json';
import enHome from '../locales/en/home.json';
import enMe from '../locales/en/me.json';
import enAdmin from '../locales/en/admin.json';
import enAudit from '../locales/en/audit.json';
import enImport from '../locales/en/import.json';
import enSso from '../locales/en/sso.json';
import enCycle from '../locales/en/cycle.json';
import enConversations from '../locales/en/conversations.json';
import enFeedback from '../locales/en/feedback.json';
import enDevelopment from '../locales/en/development.json';
import enBarometer from '../locales/en/barometer.json';
import enTeam from '../locales/en/team.json';
import enVisits from '../locales/en/visits.json';
import enPreparations from '../locales/en/preparations.json';
import enProgramme from '../locales/en/programme.json';

export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'groeipad.taal';

function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'en' ? 'en' : 'nl';
  } catch {
    return 'nl';
  }
}

export const resources = {
  nl: {
    common: nlCommon,
    auth: nlAuth,
    home: nlHome,
    me: nlMe,
    admin: nlAdmin,
    audit: nlAudit,
    import: nlImport,
    sso: nlSso,
    cycle: nlCycle,
    conversations: nlConversations,
    feedback: nlFeedback,
    development: nlDevelopment,
    barometer: nlBarometer,
    team: nlTeam,
    visits: nlVisits,
    preparations: nlPreparations,
    programme: nlProgramme,
  },
  en: {
    common: enCommon,
    auth: enAuth,
    home: enHome,
    me: enMe,
    admin: enAdmin,
    audit: enAudit,
    import: enImport,
    sso: enSso,
    cycle: enCycle,
    conversations: enConversations,
    feedback: enFeedback,
    development: enDevelopment,
    barometer: enBarometer,
    team: enTeam,
    visits: enVisits,
    preparations: enPreparations,
    programme: enProgramme,
  },
} as const;

void i18n.use(initReactI18next).init({
  resources,
  lng: storedLanguage(),
  fallbackLng: 'nl',
  supportedLngs: LANGUAGES,
  defaultNS: 'common',
  ns: [
    'common',
    'auth',
    'home',
    'me',
    'admin',
    'audit',
    'import',
    'sso',
    'cycle',
    'conversations',
    'feedback',
    'development',
    'barometer',
    'team',
    'visits',
    'preparations',
    'programme',
  ],
  interpolation: { escapeValue: false },
  returnNull: false,
});

function applyLanguage(lng: string): void {
  document.documentElement.lang = lng;
}
applyLanguage(i18n.language);
i18n.on('languageChanged', applyLanguage);

/** Switches the interface language and remembers the choice on this device. */
export async function changeLanguage(lng: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // Private mode without storage: the switch still works for this visit.
  }
  await i18n.changeLanguage(lng);
}

/** The BCP 47 locale for dates and numbers in the current language. */
export function currentLocale(): string {
  return i18n.language === 'en' ? 'en-GB' : 'nl-NL';
}

export default i18n;
