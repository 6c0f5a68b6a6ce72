import polyglotI18nProvider from 'ra-i18n-polyglot';
import { buildMessages, LOCALES, type AppLocale } from './messages';

/**
 * Chinese first, English on demand (the locale menu in the app bar and on the public pages;
 * react-admin remembers the choice in its store).
 *
 * Polyglot gives Chinese a single plural form; react-admin's messages use their first form to
 * name one record ('删除申报 X'), so both languages get the same one-or-many rule here.
 */
export const PLURAL_RULES = {
  pluralTypes: { one_other: (n: number) => (n === 1 ? 0 : 1) },
  pluralTypeToLanguages: { one_other: ['zh', 'zh-CN', 'en'] },
};

export const DEFAULT_LOCALE: AppLocale = 'zh-CN';

export const i18nProvider = polyglotI18nProvider(
  (locale) => buildMessages(locale === 'en' ? 'en' : 'zh-CN'),
  DEFAULT_LOCALE,
  LOCALES,
  { allowMissing: true, pluralRules: PLURAL_RULES },
);
