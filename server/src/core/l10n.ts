import en from '../../l10n/en.yaml';
import zhCn from '../../l10n/zh-cn.yaml';

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

const catalogs = { en, 'zh-cn': zhCn } as Readonly<Record<Locale, Record<string, string>>>;

/**
 * Templates cut at their `{name}` placeholders: text at even indices, names at odd ones. A report can
 * have thousands of messages, and cutting each template once makes them several times cheaper to fill in.
 * Templates come from the catalogs (or are the keys asked for), so the map stays small.
 */
const cutTemplates = new Map<string, readonly string[]>();

function cut(template: string): readonly string[] {
  let pieces = cutTemplates.get(template);
  if (!pieces) cutTemplates.set(template, (pieces = template.split(/\{(\w+)\}/)));
  return pieces;
}

/** The message `key` in `locale`, with `{name}` replaced by `args.name`; a name `args` lacks stays as written. */
export function localize(locale: Locale, key: string, args: Readonly<Record<string, string | number>> = {}): string {
  const pieces = cut(catalogs[locale][key] ?? catalogs.en[key] ?? key);
  let message = pieces[0]!;
  for (let i = 1; i < pieces.length; i += 2) {
    const name = pieces[i]!;
    message += (name in args ? String(args[name]) : `{${name}}`) + pieces[i + 1]!;
  }
  return message;
}

/** Both catalogs, so a test can prove that every key exists in each. */
export function messageKeys(): Record<Locale, string[]> {
  return { en: Object.keys(catalogs.en), 'zh-cn': Object.keys(catalogs['zh-cn']) };
}
