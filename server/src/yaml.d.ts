// Written by scripts/validate-data.cjs when the bundles are built (node esbuild.js): do not edit.
// A YAML data file is parsed at build time and embedded as its value (esbuild.js, `yamlData`), after it is
// checked against its JSON Schema; these are the types of those values, derived from the same schemas.

declare namespace DataFiles {
  /** server/data/schemas/chapter-schema.schema.json */
  namespace ChapterSchema {
    type Id = string;
    type Term = string;
    type Terms = Term[];
    type Localized = string | {
      "zh-cn"?: string;
      en?: string;
    };
    type Slot = {
      id: Id;
      title?: Localized;
      required?: boolean;
      aliases?: Terms;
      strong?: Terms;
      weak?: Terms;
      yielding?: Terms;
      guidance?: Localized;
      sections?: Localized[];
      tables?: ("kpi" | "milestone")[];
      between?: [string | null, string | null];
      after?: Id;
    };
    type File = {
      id: Id;
      extends?: Id;
      name?: Localized;
      description?: Localized;
      match?: {
        titles?: Terms;
      };
      slots?: Slot[];
    };
  }

  /** server/data/schemas/detection.schema.json */
  namespace Detection {
    type Words = string[];
    type File = {
      reportTitles: Words;
      minimumSlots: number;
      notReports: string;
      englishNameWords: Words;
    };
  }

  /** server/data/schemas/export-style.schema.json */
  namespace ExportStyle {
    type Points = number;
    type Font = {
      eastAsia: string;
      size: Points;
      bold?: boolean;
    };
    type Style = {
      language: string;
      latin: string;
      monospace: string;
      margins: {
        top: number;
        bottom: number;
        left: number;
        right: number;
      };
      title: Font;
      meta: Font;
      headings: [Font, Font, Font, Font];
      body: {
        eastAsia: string;
        size: Points;
        bold?: boolean;
        lineSpacing: number;
        firstLineChars: number;
        spaceAfter: number;
      };
      table: Font;
      caption: Font;
      footer: {
        eastAsia: string;
        size: Points;
        bold?: boolean;
        pageNumber: string;
      };
    };
    type File = {
      "zh-cn": Style;
      en: Style;
      tableFigures: {
        multipliers: string[];
        units: string[];
      };
      captions: {
        table: string[];
        figure: string[];
      };
    };
  }

  /** server/data/schemas/goal-phrases.schema.json */
  namespace GoalPhrases {
    type Literals = string[];
    type Fragments = string[];
    type Words = string[];
    type Patterns = string[];
    type File = {
      verbs: {
        increase: Words;
        decrease: Words;
        reach: Words;
        save: Words;
      };
      to: Words;
      by: Words;
      baseline: Words;
      baselineAfter: Literals;
      goalMarkers: Words;
      goalLeads: Words;
      fillers: Words;
      keep: Words;
      actions: Words;
      completion: Words;
      lowerIsBetter: Words;
      decreaseAmounts: Words;
      higherIsBetter: Words;
      future: Words;
      acknowledged: Words;
      gapBefore: Patterns;
      none: Patterns;
      gapAfter: Patterns;
      gapSides: {
        above: Words;
        below: Words;
        worse: Words;
        better: Words;
      };
      claims: Patterns;
      softClaims: Patterns;
      claimNotAfter: Words;
      claimAll: Words;
      claimPlanned: Words;
      each: Patterns;
      planned: Words;
      average: {
        before: Words;
        after: Words;
      };
      moneyCeiling: string;
      countClaims: Patterns;
      joiners: {
        clause: Fragments;
        lead: Literals;
      };
      means: Literals;
      orBetter: {
        either: Literals;
        lower: Literals;
        higher: Literals;
        chinese: Literals;
      };
      overallAim: Literals;
      enumerationLead: {
        nouns: Literals;
        verbs: Literals;
        spacedVerbs: Literals;
      };
      pointsElsewhere: {
        see: Literals;
        parts: Literals;
        numbered: Literals;
        seeLatin: Literals;
        partsLatin: Literals;
      };
      goalCount: {
        classifiers: Literals;
        after: Literals;
        afterLatin: Literals;
        before: Literals;
        totals: Literals;
        numberSigns: Literals;
      };
      headingJoiners: {
        chinese: Literals;
        latin: Literals;
      };
      determiners: Literals;
      englishNames: {
        notCounted: Literals;
        countStops: Literals;
        amountLinks: Literals;
        amountDeterminers: Literals;
        amountStops: Literals;
        shareLinks: Literals;
        shareDeterminers: Literals;
        shareStops: Literals;
      };
      notAName: Fragments;
      partOf: {
        within: Literals;
        among: Literals;
        have: Literals;
        after: Literals;
        determiners: Literals;
      };
      deadline: {
        after: Literals;
        afterLatin: Literals;
        before: Literals;
        beforePhrases: Literals;
        periodEnd: Literals;
      };
      ceilingBefore: Words;
      window: {
        ends: Literals;
        from: Literals;
      };
      rateName: {
        within: Literals;
        rates: Literals;
      };
      fromTo: {
        level: Literals;
        average: Literals;
        to: Literals;
        chineseTo: Literals;
        from: Fragments;
      };
      countedNounEnds: Literals;
      disposal: Fragments;
      verbEndsWithTo: Literals;
      baselineTail: {
        after: Literals;
        afterYear: Literals;
        yearSuffixes: Literals;
        named: Literals;
      };
      comparedWith: Literals;
      targetJoiners: Literals;
      abbreviations: Literals;
      dateClauseLeads: string[];
      events: Words[];
    };
  }

  /** server/data/schemas/messages.schema.json */
  namespace Messages {
    type File = { [key: string]: string };
  }

  /** server/data/schemas/metric-synonyms.schema.json */
  namespace MetricSynonyms {
    type File = {
      groups: string[][];
      exclusive: {
        kinds: string[][][];
        both: string[];
      };
      stopCharacters: string[];
      stopWords: string[];
    };
  }

  /** server/data/schemas/quantities.schema.json */
  namespace Quantities {
    type Characters = string[];
    type Literals = string[];
    type Words = string[];
    type Unit = {
      dimension: string;
      factor?: number;
      names: string[];
      prefixes?: string[];
    };
    type Multiplier = {
      factor: number;
      names: string[];
    };
    type QualifierLists = {
      before: Words;
      after: Words;
    };
    type File = {
      figureWords: {
        reference: {
          chinese: Literals;
          latin: Literals;
        };
        pointer: {
          chinese: Literals;
          latin: Literals;
        };
        from: Literals;
        vague: {
          before: Literals;
          after: Literals;
        };
        rangeJoin: Literals;
        durationJoin: Literals;
        calendarNames: Literals;
        english: {
          numbers: string[];
          notAfter: string[];
          notBefore: string[];
          fractions: { [key: string]: number };
          fractionAfter: string[];
        };
        listJoiners: Characters;
        per: Characters;
      };
      units: Unit[];
      perUnits: Unit[];
      counts: Words;
      sameCounts: Words[];
      multipliers: Multiplier[];
      currencyMultipliers: Multiplier[];
      qualifiers: {
        approximate: QualifierLists;
        atLeast: QualifierLists;
        atMost: QualifierLists;
        extremes: {
          atLeast: Words;
          atMost: Words;
        };
        notQualifiers: Words;
      };
      plausibleAchievement: number;
    };
  }

  /** server/data/schemas/recognition.schema.json */
  namespace Recognition {
    type Weight = number;
    type SlotId = string;
    type Words = string[];
    type SlotsByWord = { [key: string]: [SlotId, SlotId] };
    type SlotWeight = {
      slot: SlotId;
      weight: Weight;
    };
    type WeightBySlot = { [key: string]: Weight };
    type File = {
      weights: {
        strong: Weight;
        normal: Weight;
        weak: Weight;
      };
      conjunctions: Words;
      prepositions: string[];
      modifier: Weight;
      yardstick: {
        words: Words;
        from: SlotId;
        to: SlotId;
      };
      secondSlot: Weight;
      ambiguous: SlotsByWord;
      together: SlotsByWord;
      noSlot: Words;
      evidence: {
        section: Weight;
        sectionsAtMost: Weight;
        kpiTable: SlotWeight;
        milestoneTable: SlotWeight;
        goalStatements: SlotWeight;
        first: WeightBySlot;
        last: WeightBySlot;
      };
      orderPenalty: Weight;
      coveredBySection: Weight;
    };
  }

  /** server/data/schemas/table-columns.schema.json */
  namespace TableColumns {
    type Patterns = string[];
    type Words = string[];
    type File = {
      kpi: ({
        column: "metric" | "baseline" | "target" | "actual" | "deviation" | "achievement" | "status";
        words: Words;
      })[];
      milestone: ({
        column: "plannedStart" | "plannedFinish" | "actualStart" | "actualFinish" | "status" | "date";
        words: Words;
      })[];
      status: {
        missed: Words;
        met: Words;
      };
      onTime: Words;
      done: Words;
      pending: Words;
      budget: {
        budget: Words;
        actual: Words;
      };
      totals: {
        grand: Words;
        sub: Words;
      };
      tableKinds: {
        kpi: {
          name: Patterns;
          value: Patterns;
          target: Patterns;
          actual: Patterns;
          headings: Patterns;
        };
        milestone: {
          name: Patterns;
          date: Patterns;
          headings: Patterns;
        };
      };
    };
  }

  /** server/data/schemas/text-patterns.schema.json */
  namespace TextPatterns {
    type File = {
      words?: string[];
      patterns: {
        id: string;
        pattern: string;
        ignoreCase?: boolean;
      }[];
    };
  }
}

declare module '*/data/detection.yaml' {
  const data: DataFiles.Detection.File;
  export default data;
}

declare module '*/data/export-style.yaml' {
  const data: DataFiles.ExportStyle.File;
  export default data;
}

declare module '*/data/goal-phrases.yaml' {
  const data: DataFiles.GoalPhrases.File;
  export default data;
}

declare module '*/data/metric-synonyms.yaml' {
  const data: DataFiles.MetricSynonyms.File;
  export default data;
}

declare module '*/data/placeholders.yaml' {
  const data: DataFiles.TextPatterns.File;
  export default data;
}

declare module '*/data/quantities.yaml' {
  const data: DataFiles.Quantities.File;
  export default data;
}

declare module '*/data/table-columns.yaml' {
  const data: DataFiles.TableColumns.File;
  export default data;
}

declare module '*/data/vague-quantities.yaml' {
  const data: DataFiles.TextPatterns.File;
  export default data;
}

declare module '*/schemas/generic.yaml' {
  const data: DataFiles.ChapterSchema.File;
  export default data;
}

declare module '*/schemas/market-expansion.yaml' {
  const data: DataFiles.ChapterSchema.File;
  export default data;
}

declare module '*/schemas/process-optimization.yaml' {
  const data: DataFiles.ChapterSchema.File;
  export default data;
}

declare module '*/schemas/recognition.yaml' {
  const data: DataFiles.Recognition.File;
  export default data;
}

declare module '*/schemas/system-integration.yaml' {
  const data: DataFiles.ChapterSchema.File;
  export default data;
}

declare module '*/l10n/en.yaml' {
  const data: DataFiles.Messages.File;
  export default data;
}

declare module '*/l10n/zh-cn.yaml' {
  const data: DataFiles.Messages.File;
  export default data;
}
