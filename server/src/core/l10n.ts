import en from '../../l10n/en.yaml';
import zhCn from '../../l10n/zh-cn.yaml';
import { parse } from 'yaml';

export type Locale = 'en' | 'zh-cn';

/** Text in both languages, as schemas and message catalogs carry it. */
export type LocalizedText = Readonly<Record<Locale, string>>;

/**
 * 'zh', 'zh-CN', 'zh-Hans', 'zh-SG', 'zh_CN.UTF-8' → zh-cn; anything else → en. Traditional Chinese
 * (zh-TW, zh-HK, zh-Hant) gets English, as VS Code does for a manifest without its language.
 */
export function toLocale(tag: string | undefined): Locale {
  return tag && /^zh(?:$|[-_.@](?:cn|hans|sg|my)(?:$|[-_.@])|[.@])/i.test(tag) ? 'zh-cn' : 'en';
}

/** Chinese when the text has Han characters, English when it has other text, `fallback` when it is empty. */
export function textLanguage(text: string, fallback: Locale): Locale {
  if (text.trim() === '') return fallback;
  return /\p{Script=Han}/u.test(text) ? 'zh-cn' : 'en';
}

let catalogs: Record<Locale, Record<string, string>> | undefined;

function catalog(locale: Locale): Record<string, string> {
  catalogs ??= { en: parse(en) as Record<string, string>, 'zh-cn': parse(zhCn) as Record<string, string> };
  return catalogs[locale];
}

/** The message `key` in `locale`, with `{name}` replaced by `args.name`. */
export function localize(locale: Locale, key: string, args: Readonly<Record<string, string | number>> = {}): string {
  const template = catalog(locale)[key] ?? catalog('en')[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in args ? String(args[name]) : whole));
}

/** Both catalogs, so a test can prove that every key exists in each. */
export function messageKeys(): Record<Locale, string[]> {
  return { en: Object.keys(catalog('en')), 'zh-cn': Object.keys(catalog('zh-cn')) };
}
