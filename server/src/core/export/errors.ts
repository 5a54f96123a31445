import { localize, type Locale } from '../report/l10n.js';

/** Why an export could not be written: a message key of the catalogs and its arguments, localized by the host. */
export class ExportError extends Error {
  constructor(readonly key: string, readonly args: Readonly<Record<string, string | number>> = {}) {
    super(localize('en', key, args));
  }

  describe(locale: Locale): string {
    return localize(locale, this.key, this.args);
  }
}
