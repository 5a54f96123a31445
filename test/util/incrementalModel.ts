import { parseReport, parseReportSteps, type ParseOptions, type ReportModel, type ReportParse, type TextChange } from '../../server/src/core/parse/index.js';

/** Successive versions of one document parsed through the seam, each from the parse of the one before. */
export class IncrementalModel {
  private last: ReportParse | undefined;

  private readonly options: ParseOptions;

  /** `minimumBlock`: see `splitBlocks`; tests make it small to cut their short documents into many blocks. */
  constructor(minimumBlock?: number, options: Omit<ParseOptions, 'minimumBlock'> = {}) {
    this.options = { ...options, minimumBlock };
  }

  *update(uri: string, text: string, change?: TextChange): Generator<void, ReportModel> {
    this.last = yield* parseReportSteps(uri, text, this.last, change, this.options);
    return this.last.model;
  }

  build(uri: string, text: string, change?: TextChange): ReportModel {
    this.last = parseReport(uri, text, this.last, change, this.options);
    return this.last.model;
  }

  /** How many blocks the last version was cut into. */
  get blockCount(): number {
    return this.last?.model.blocks.length ?? 0;
  }
}
