import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';
import { APP_MESSAGES, pickLanguage } from './appMessages';
import { codeMessages, type Lang } from './codes';
import { raChineseMessages } from './raChineseMessages';
import { resourceMessages } from './resources';

export type AppLocale = 'zh-CN' | 'en';
export const LOCALES: { locale: AppLocale; name: string }[] = [
  { locale: 'zh-CN', name: '简体中文' },
  { locale: 'en', name: 'English' },
];

export const langOf = (locale: AppLocale): Lang => (locale === 'en' ? 'en' : 'zh');

/**
 * Every message of one locale: react-admin's own (`ra.*`), the resources and their fields
 * (`resources.*`), the codes of @alliance/domain (`codes.*`) and the console's words (`app.*`).
 */
export function buildMessages(locale: AppLocale): TranslationMessages {
  const lang = langOf(locale);
  return {
    ...(lang === 'zh' ? raChineseMessages : englishMessages),
    resources: resourceMessages(lang),
    codes: codeMessages(lang),
    app: pickLanguage(APP_MESSAGES, lang),
  } as TranslationMessages;
}
