/** The six official languages of the United Nations: the one list every part of the product uses. */

export const LANGUAGES = ['en', 'fr', 'es', 'ru', 'ar', 'zh'] as const;

/** An official language, as an ISO 639-1 code. */
export type Lang = (typeof LANGUAGES)[number];

export interface LanguageInfo {
  code: Lang;
  /** ISO 639-2/B code, as AKN4UN declares it (`FRBRlanguage language="fra"`). */
  iso3: string;
  /** The language's English name. */
  name: string;
  /** Its own name for itself. */
  endonym: string;
  /** Written right to left. */
  rtl: boolean;
}

export const LANGUAGE_INFO: Readonly<Record<Lang, LanguageInfo>> = {
  en: { code: 'en', iso3: 'eng', name: 'English', endonym: 'English', rtl: false },
  fr: { code: 'fr', iso3: 'fra', name: 'French', endonym: 'Français', rtl: false },
  es: { code: 'es', iso3: 'spa', name: 'Spanish', endonym: 'Español', rtl: false },
  ru: { code: 'ru', iso3: 'rus', name: 'Russian', endonym: 'Русский', rtl: false },
  ar: { code: 'ar', iso3: 'ara', name: 'Arabic', endonym: 'العربية', rtl: true },
  zh: { code: 'zh', iso3: 'zho', name: 'Chinese', endonym: '中文', rtl: false },
};

/** True for one of the six codes. */
export function isLang(s: unknown): s is Lang {
  return typeof s === 'string' && (LANGUAGES as readonly string[]).includes(s);
}

/**
 * The language named by a code as files and settings write it: `fr`, `FR`, `fra`, `fre`, `fr-CH`,
 * `French`, `zh-Hans`, `chi`. Undefined for anything else.
 */
export function toLang(s: string | undefined | null): Lang | undefined {
  if (!s) return undefined;
  const t = s.trim().toLowerCase();
  const head = t.split(/[-_]/)[0];
  if (isLang(head)) return head;
  for (const info of Object.values(LANGUAGE_INFO)) {
    if (head === info.iso3 || t === info.name.toLowerCase() || t === info.endonym.toLowerCase()) return info.code;
  }
  const aliases: Record<string, Lang> = { fre: 'fr', chi: 'zh', cmn: 'zh', zho: 'zh' };
  return aliases[head];
}
