// i18next set-up: zh-CN for Chinese browsers, English otherwise; the user's choice is kept in localStorage.
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en';
import zhCN from './zh-CN';
import baddebtEn from './baddebt.en';
import baddebtZh from './baddebt.zh-CN';
import payfilesEn from './payfiles.en';
import payfilesZh from './payfiles.zh-CN';
import exportsEn from './exports.en';
import exportsZh from './exports.zh-CN';
import invoicesEn from './invoices.en';
import invoicesZh from './invoices.zh-CN';
import adminEn from './admin.en';
import adminZh from './admin.zh-CN';
import dunningEn from './dunning.en';
import dunningZh from './dunning.zh-CN';
import bankEn from './bank.en';
import bankZh from './bank.zh-CN';
import campaignsEn from './campaigns.en';
import campaignsZh from './campaigns.zh-CN';
import opportunitiesEn from './opportunities.en';
import opportunitiesZh from './opportunities.zh-CN';

export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const LANG_STORAGE_KEY = 'l2c.lang';

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
  dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en');
  document.documentElement.lang = lang;
}

const initial = detectLang();
applySideEffects(initial);

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: { ...zhCN, ...baddebtZh, ...payfilesZh, ...exportsZh, ...invoicesZh, ...adminZh, ...dunningZh, ...bankZh, ...campaignsZh, ...opportunitiesZh } }, en: { translation: { ...en, ...baddebtEn, ...payfilesEn, ...exportsEn, ...invoicesEn, ...adminEn, ...dunningEn, ...bankEn, ...campaignsEn, ...opportunitiesEn } } },
  lng: initial,
  fallbackLng: 'en',
  supportedLngs: [...LANGS],
  interpolation: { escapeValue: false },
});

export function currentLang(): Lang {
  return isLang(i18n.language) ? i18n.language : 'en';
}

export function setLang(lang: Lang): void {
  try {
    localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // ignore
  }
  applySideEffects(lang);
  void i18n.changeLanguage(lang);
}

export default i18n;
