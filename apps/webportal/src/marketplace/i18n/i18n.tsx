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

const LANGUAGE_KEY = 'marketplace.language';

function storedLanguage(): Language | undefined {
  try {
    const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(LANGUAGE_KEY);
    return stored === 'en' || stored === 'zh-CN' ? stored : undefined;
  } catch {
    return undefined;
  }
}

function browserLanguage(): Language {
  return typeof navigator === 'undefined' ? 'en' : preferredLanguage(navigator.languages ?? [navigator.language]);
}

interface I18n {
  language: Language;
  setLanguage(language: Language): void;
  t(key: MessageKey, params?: Record<string, string | number>): string;
}

const I18nContext = createContext<I18n | undefined>(undefined);

export function I18nProvider({ children, initial }: { children: ReactNode; initial?: Language }) {
  const [language, setLanguageState] = useState<Language>(() => initial ?? storedLanguage() ?? browserLanguage());
  const setLanguage = useCallback((next: Language) => {
    setLanguageState(next);
    try {
      localStorage.setItem(LANGUAGE_KEY, next);
    } catch {
      // Storage may be disabled; the choice then lasts until the page is reloaded.
    }
  }, []);
  const t = useCallback((key: MessageKey, params?: Record<string, string | number>) => format(CATALOGUES[language][key], params), [language]);
  const value = useMemo(() => ({ language, setLanguage, t }), [language, setLanguage, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) {
    throw new Error('useI18n must be used inside I18nProvider');
  }
  return value;
}
