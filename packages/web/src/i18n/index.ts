// i18next set-up: zh-CN for Chinese browsers, English otherwise; the user's choice is kept in localStorage.
// Only the interface language's resources load (resources.zh-CN.ts / resources.en.ts, each its own chunk): the first
// screen does not carry the other language. main.tsx renders once `i18nReady` has resolved; switching the language
// loads the other bundle first. A new area adds its file pair to both resources files.
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const LANG_STORAGE_KEY = 'l2c.lang';

const RESOURCES: Record<Lang, () => Promise<{ default: Record<string, unknown> }>> = {
  'zh-CN': () => import('./resources.zh-CN'),
  en: () => import('./resources.en'),
};

function isLang(v: unknown): v is Lang {
  return typeof v === 'string' && (LANGS as readonly string[]).includes(v);
}

export function detectLang(): Lang {
  try {
    const stored = localStorage.getItem(LANG_STORAGE_KEY);
    if (isLang(stored)) return stored;
  } catch {
    // storage may be unavailable (private mode); fall through
  }
  const nav = typeof navigator !== 'undefined' ? navigator.language || '' : '';
  return nav.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

function applySideEffects(lang: Lang): void {
  dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en'); // dayjs has English built in
  document.documentElement.lang = lang;
}

async function loadResources(lang: Lang): Promise<void> {
  if (i18n.hasResourceBundle(lang, 'translation')) return;
  const { default: translation } = await RESOURCES[lang]();
  i18n.addResourceBundle(lang, 'translation', translation, true, true);
}

const initial = detectLang();
applySideEffects(initial);

/** Resolves when the interface language's texts are there; main.tsx renders after it. */
export const i18nReady: Promise<void> = i18n.use(initReactI18next).init({
  resources: {},
  lng: initial,
  fallbackLng: false,
  supportedLngs: [...LANGS],
  interpolation: { escapeValue: false },
}).then(() => loadResources(initial)).then(() => i18n.changeLanguage(initial)).then(() => undefined);

export function currentLang(): Lang {
  return isLang(i18n.language) ? i18n.language : 'en';
}

export function setLang(lang: Lang): void {
  try {
    localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // ignore
  }
  void loadResources(lang).then(() => {
    applySideEffects(lang);
    return i18n.changeLanguage(lang);
  });
}

export default i18n;
