// i18next set-up: zh-CN for Chinese browsers, English otherwise; the user's choice is kept in localStorage.
// Only the interface language's texts load, in two chunks: core.<lang>.ts (shell, login, home) before the first render
// (main.tsx waits for `i18nReady`), resources.<lang>.ts (every other area) right after it (`loadAreaTexts`); components
// re-render when texts are added. Switching the language loads both first. A new area adds its file pair to both
// resources files.
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const LANG_STORAGE_KEY = 'l2c.lang';

type Texts = () => Promise<{ default: Record<string, unknown> }>;
const CORE: Record<Lang, Texts> = { 'zh-CN': () => import('./core.zh-CN'), en: () => import('./core.en') };
const AREAS: Record<Lang, Texts> = { 'zh-CN': () => import('./resources.zh-CN'), en: () => import('./resources.en') };
const loaded = new Set<string>();

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

async function loadTexts(lang: Lang, part: 'core' | 'areas'): Promise<void> {
  const key = `${lang}:${part}`;
  if (loaded.has(key)) return;
  const { default: translation } = await (part === 'core' ? CORE : AREAS)[lang]();
  // deep merge: an area adds its keys beside the core's
  i18n.addResourceBundle(lang, 'translation', translation, true, true);
  loaded.add(key);
}

/** The areas' texts of the interface language; main.tsx calls it after the first render. */
export function loadAreaTexts(): Promise<void> {
  return loadTexts(currentLang(), 'areas');
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
  // texts added later (the areas' chunk) re-render what was drawn before they came
  react: { bindI18nStore: 'added' },
}).then(() => loadTexts(initial, 'core')).then(() => i18n.changeLanguage(initial)).then(() => undefined);

export function currentLang(): Lang {
  return isLang(i18n.language) ? i18n.language : 'en';
}

export function setLang(lang: Lang): void {
  try {
    localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // ignore
  }
  void Promise.all([loadTexts(lang, 'core'), loadTexts(lang, 'areas')]).then(() => {
    applySideEffects(lang);
    return i18n.changeLanguage(lang);
  });
}

export default i18n;
