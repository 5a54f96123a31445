import en from '../../../l10n/en.yaml';
import zhCn from '../../../l10n/zh-cn.yaml';

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

const catalogs: Readonly<Record<Locale, Readonly<Record<string, string>>>> = { en, 'zh-cn': zhCn };

/**
 * A `{name}` in a template, or a `{name, plural, one {…} other {…}}`: the branch for the plural category
 * of the value in the message's language (English has `one` and `other`, Chinese only `other`), with `#`
 * in it the value. A branch holds text and `#`, nothing else; `other` is the branch of last resort.
 */
interface Hole {
  readonly name: string;
  /** As written, for a message whose arguments lack the name. */
  readonly source: string;
  /** Each branch's text cut at its `#`s; absent for a plain `{name}`. */
  readonly branches?: Readonly<Record<string, readonly string[]>>;
}

const holePattern = /\{(\w+)\}|\{(\w+), *plural,((?: *\w+ *\{[^{}]*\})+) *\}/g;
const branchPattern = /(\w+) *\{([^{}]*)\}/g;

/** A template cut at its holes: `texts` around them, one more than `holes`. */
interface CutTemplate {
  readonly texts: readonly string[];
  readonly holes: readonly Hole[];
}

/**
 * A report can have thousands of messages, and cutting each template once makes them several times
 * cheaper to fill in. Templates come from the catalogs (or are the keys asked for), so the map stays small.
 */
const cutTemplates = new Map<string, CutTemplate>();

function cut(template: string): CutTemplate {
  let pieces = cutTemplates.get(template);
  if (!pieces) {
    const texts: string[] = [];
    const holes: Hole[] = [];
    let end = 0;
    for (const match of template.matchAll(holePattern)) {
      texts.push(template.slice(end, match.index));
      end = match.index + match[0].length;
      if (match[1] !== undefined) {
        holes.push({ name: match[1], source: match[0] });
        continue;
      }
      const branches: Record<string, readonly string[]> = {};
      for (const [, category, text] of match[3]!.matchAll(branchPattern)) branches[category!] = text!.split('#');
      holes.push({ name: match[2]!, source: match[0], branches });
    }
    texts.push(template.slice(end));
    cutTemplates.set(template, (pieces = { texts, holes }));
  }
  return pieces;
}

const pluralRules: Partial<Record<Locale, Intl.PluralRules>> = {};

function fill(hole: Hole, value: string | number, locale: Locale): string {
  if (!hole.branches) return String(value);
  const category = (pluralRules[locale] ??= new Intl.PluralRules(locale)).select(Number(value));
  const branch = hole.branches[category] ?? hole.branches.other;
  return branch ? branch.join(String(value)) : hole.source;
}

/**
 * The message `key` in `locale`, with `{name}` replaced by `args.name` and `{name, plural, …}` by the
 * branch that fits it (see `Hole`); a name `args` lacks stays as written.
 */
export function localize(locale: Locale, key: string, args: Readonly<Record<string, string | number>> = {}): string {
  const { texts, holes } = cut(catalogs[locale][key] ?? catalogs.en[key] ?? key);
  let message = texts[0]!;
  for (let i = 0; i < holes.length; i++) {
    const hole = holes[i]!;
    message += (hole.name in args ? fill(hole, args[hole.name]!, locale) : hole.source) + texts[i + 1]!;
  }
  return message;
}

/** Both catalogs, so a test can prove that every key exists in each. */
export function messageKeys(): Record<Locale, string[]> {
  return { en: Object.keys(catalogs.en), 'zh-cn': Object.keys(catalogs['zh-cn']) };
}
