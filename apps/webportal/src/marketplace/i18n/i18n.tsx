'use client';

import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

import { en, zhCN, type Language, type MessageKey } from './messages';

const CATALOGUES: Record<Language, Record<MessageKey, string>> = { en, 'zh-CN': zhCN };

/** Picks the first of the browser's preferred languages that the UI has, English otherwise. */
export function preferredLanguage(languages: readonly string[]): Language {
  for (const language of languages) {
    if (/^zh(-CN|-Hans|-SG)?$/i.test(language) || language.toLowerCase() === 'zh') {
      return 'zh-CN';
    }
    if (language.toLowerCase().startsWith('en')) {
      return 'en';
    }
  }
  return 'en';
}

/** Fills `{name}` placeholders of a message. */
export function format(message: string, params: Record<string, string | number> = {}): string {
  return message.replace(/\{(\w+)\}/g, (placeholder, name: string) => (name in params ? String(params[name]) : placeholder));
}

interface I18n {
  language: Language;
  setLanguage(language: Language): void;
  t(key: MessageKey, params?: Record<string, string | number>): string;
}

const I18nContext = createContext<I18n | undefined>(undefined);

export function I18nProvider({ children, initial }: { children: ReactNode; initial?: Language }) {
  const [language, setLanguage] = useState<Language>(
    () => initial ?? (typeof navigator === 'undefined' ? 'en' : preferredLanguage(navigator.languages ?? [navigator.language])),
  );
  const t = useCallback((key: MessageKey, params?: Record<string, string | number>) => format(CATALOGUES[language][key], params), [language]);
  const value = useMemo(() => ({ language, setLanguage, t }), [language, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) {
    throw new Error('useI18n must be used inside I18nProvider');
  }
  return value;
}
