/**
 * What the parser and the checks need to know about each official language, written once:
 * how an authority line reads, how operative numbers and sub-paragraph labels are written, the
 * adverbs of a repeated opening ("also"/"further", `également`/`en outre`, `también`/`además`),
 * month names, how a citation gives its date, how a cross-reference points up or down, and the
 * function words that tell the languages apart. Plain data; the code that uses it stays the same
 * for every language.
 */
import type { Lang } from './languages';
import type { LabelAlphabet } from './lexicon';

export interface LanguageFacts {
  lang: Lang;
  /** An authority line, without emphasis markers and its closing comma ("L'Assemblée générale"). */
  authority: RegExp;
  /** Adverbs that mark a repeated opening: the first for the second paragraph, the next for later ones. */
  also: string[];
  /** Where the adverb stands: before the verb ("Also requests") or after it ("Prie également"). */
  adverbPosition: 'before' | 'after';
  /** Words that may open a phrase before its head word and are not phrases themselves. */
  leadingModifiers: string[];
  /** Words after a head that belong to the modifiers ("Réaffirmant également", "Prie en outre", "Pide además"). */
  trailingModifiers: string[];
  /** Operative paragraphs and preambular paragraphs open with a capital letter. */
  capitalised: boolean;
  /** A word that looks like an operative verb the phrase data does not know ("Appoints", "Nomme"). */
  operativeVerbLike: RegExp;
  /** A word that looks like a preambular participle ("Having", "Rappelant", "Recordando"). */
  preambularLike: RegExp;
  /** What may stand between an operative number and the text ("." everywhere; " -" in Arabic). */
  numberDelimiter: string;
  /** Month names, January first. */
  months: string[];
  /** The word for "resolution(s)" in a citation. */
  resolutionWord: string;
  /** What joins a cited symbol to its date ("of", "du", ", de"), as a regular expression source. */
  citationDateJoin: string;
  /** A date as written in the language, as a regular expression source with MONTHS standing for the month names. */
  dateForm: string;
  /** The word for "paragraph(s)" in a cross-reference. */
  paragraphWord: string;
  /** Words for "and"/"to" inside a list of paragraph numbers. */
  listJoins: string[];
  /** "above" and "below" as written after a cross-reference. */
  above: string[];
  below: string[];
  /** Sub-paragraphs may be labelled `a)` as well as `(a)` (French, Spanish, Russian). */
  closingParenLabels: boolean;
  /**
   * The alphabets of alphabetic sub-paragraph labels, the usual first (the series are in the
   * lexicon): Latin everywhere, as the UN's texts write them, Russian `а) б) в)` too in Russian,
   * the abjad `(أ) (ب) (ج)` in Arabic.
   */
  labelAlphabets: readonly LabelAlphabet[];
  /** Words that, just before "paragraph N", make it a paragraph of another text ("its", "son"). */
  refOwnerBefore: RegExp;
  /** What, just after "paragraph N", makes it a paragraph of another text ("of resolution 70/1"). */
  refOfAfter: RegExp;
  /** "entitled" before a quoted title in a citation. */
  entitled: string;
  /** Frequent short words of running text, used to recognise the language. */
  functionWords: string[];
}

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export const LANGUAGE_FACTS: Readonly<Record<Lang, LanguageFacts>> = {
  en: {
    lang: 'en',
    authority: /^The\s+[A-Z]/,
    also: ['also', 'further'],
    adverbPosition: 'before',
    leadingModifiers: [
      'also',
      'further',
      'strongly',
      'deeply',
      'gravely',
      'seriously',
      'once',
      'again',
      'firmly',
      'fully',
      'profoundly',
      'urgently',
      'warmly',
      'sincerely',
      'duly',
      'particularly',
      'most',
      'greatly',
      'extremely',
    ],
    trailingModifiers: ['also', 'further', 'again'],
    capitalised: true,
    operativeVerbLike: /^[A-Z][a-z]+s$/,
    preambularLike: /^[A-Z][a-z]+(?:ing|ed)$/,
    numberDelimiter: String.raw`\.`,
    months: EN_MONTHS,
    resolutionWord: String.raw`[Rr]esolutions?`,
    citationDateJoin: String.raw`\s+of\s+`,
    dateForm: String.raw`\d{1,2}\s+(?:MONTHS)\s+\d{4}`,
    paragraphWord: 'paragraphs?',
    listJoins: ['and', 'to'],
    above: ['above'],
    below: ['below'],
    closingParenLabels: false,
    labelAlphabets: ['latin'],
    refOwnerBefore: /\b(?:its|their|that|this|the|of)\s+$/i,
    refOfAfter: /^,?\s+of\s+(?!the present resolution)/,
    entitled: 'entitled',
    functionWords: [
      'the',
      'of',
      'and',
      'to',
      'in',
      'its',
      'that',
      'for',
      'with',
      'on',
      'by',
      'all',
      'as',
      'be',
      'which',
      'also',
      'further',
      'including',
    ],
  },
  fr: {
    lang: 'fr',
    authority: /^(?:L['’]\s?|Le\s+|La\s+)(?:Assemblée|Conseil|Conférence|Commission|Comité|Réunion|Sommet|Organe)\b[^.;:!?]{0,160}$/u,
    also: ['également', 'en outre'],
    adverbPosition: 'after',
    leadingModifiers: [
      'profondément',
      'vivement',
      'gravement',
      'sérieusement',
      'fermement',
      'pleinement',
      'sincèrement',
      'chaleureusement',
      'très',
      'extrêmement',
    ],
    trailingModifiers: [
      'également',
      'en outre',
      'de nouveau',
      'aussi',
      'instamment',
      'vivement',
      'fermement',
      'énergiquement',
      'résolument',
      'vigoureusement',
      'sincèrement',
      'chaleureusement',
      'pleinement',
      'encore',
    ],
    capitalised: true,
    operativeVerbLike: /^\p{Lu}\p{Ll}+(?:e|t)$/u,
    preambularLike: /^\p{Lu}\p{Ll}+(?:ant|ée?s?|é)$/u,
    numberDelimiter: String.raw`\.`,
    months: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
    resolutionWord: String.raw`[Rr]ésolutions?`,
    citationDateJoin: String.raw`\s+(?:du|en date du)\s+`,
    dateForm: String.raw`(?:1er|\d{1,2})\s+(?:MONTHS)\s+\d{4}`,
    paragraphWord: 'paragraphes?',
    listJoins: ['et', 'à'],
    above: ['ci-dessus', 'plus haut'],
    below: ['ci-après', 'ci-dessous', 'plus bas'],
    closingParenLabels: true,
    labelAlphabets: ['latin'],
    refOwnerBefore: /(?:^|\s)(?:son|sa|ses|leur|leurs|ce|cet|cette|ces|du|des|le|les)\s+$/i,
    refOfAfter: /^,?\s+(?:de|du|des)\s+(?!la présente)/,
    entitled: 'intitulée?s?',
    functionWords: [
      'le',
      'la',
      'les',
      'des',
      'du',
      'de',
      'et',
      'à',
      'en',
      'que',
      'qui',
      'pour',
      'dans',
      'sur',
      'par',
      'aux',
      'au',
      'une',
      'un',
      'sa',
      'ses',
      'son',
      'est',
      'également',
      'notamment',
    ],
  },
  es: {
    lang: 'es',
    authority: /^(?:La|El)\s+(?:Asamblea|Consejo|Conferencia|Comisión|Comité|Reunión|Cumbre|Junta)\b[^.;:!?]{0,160}$/u,
    also: ['también', 'además'],
    adverbPosition: 'after',
    leadingModifiers: ['profundamente', 'gravemente', 'seriamente', 'firmemente', 'plenamente', 'sinceramente', 'muy', 'sumamente'],
    trailingModifiers: [
      'también',
      'además',
      'asimismo',
      'encarecidamente',
      'enérgicamente',
      'firmemente',
      'decididamente',
      'sinceramente',
      'plenamente',
      'nuevamente',
      'una vez más',
    ],
    capitalised: true,
    operativeVerbLike: /^\p{Lu}\p{Ll}+(?:a|e)$/u,
    preambularLike: /^\p{Lu}\p{Ll}+(?:ando|iendo|endo|ado|ada|ados|adas|ido|ida)$/u,
    numberDelimiter: String.raw`\.`,
    months: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
    resolutionWord: String.raw`[Rr]esoluci(?:ón|ones)`,
    citationDateJoin: String.raw`,?\s+de\s+`,
    dateForm: String.raw`\d{1,2}\s+de\s+(?:MONTHS)\s+de\s+\d{4}`,
    paragraphWord: 'párrafos?',
    listJoins: ['y', 'a'],
    above: ['supra', 'anterior'],
    below: ['infra', 'siguiente'],
    closingParenLabels: true,
    labelAlphabets: ['latin'],
    refOwnerBefore: /(?:^|\s)(?:su|sus|ese|este|esa|esos|del|el|los)\s+$/i,
    refOfAfter: /^,?\s+(?:de|del)\s+(?!la presente)/,
    entitled: 'titulad[ao]s?',
    functionWords: [
      'el',
      'la',
      'los',
      'las',
      'de',
      'del',
      'y',
      'en',
      'que',
      'a',
      'por',
      'para',
      'con',
      'su',
      'sus',
      'al',
      'una',
      'un',
      'es',
      'también',
      'además',
      'incluso',
    ],
  },
  ru: {
    lang: 'ru',
    authority: /^(?:Генеральная Ассамблея|Совет|Экономический и Социальный Совет|Конференция|Комиссия|Комитет|Совещание)[^.;:!?]{0,160}$/u,
    also: ['также', 'далее'],
    adverbPosition: 'after',
    leadingModifiers: ['вновь', 'глубоко', 'решительно', 'настоятельно', 'твердо'],
    trailingModifiers: ['также', 'далее', 'вновь'],
    capitalised: false,
    operativeVerbLike: /^\p{Ll}+(?:ет|ит|ает|яет)$/u,
    preambularLike: /^\p{Ll}+(?:я|ая|вшись|ясь|аясь)$/u,
    numberDelimiter: String.raw`\.`,
    months: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
    resolutionWord: String.raw`[Рр]езолюци[яийюе]\p{L}*`,
    citationDateJoin: String.raw`\s+от\s+`,
    dateForm: String.raw`\d{1,2}\s+(?:MONTHS)\s+\d{4}\s+года`,
    paragraphWord: 'пункт\\p{L}*',
    listJoins: ['и'],
    above: ['выше'],
    below: ['ниже'],
    closingParenLabels: true,
    labelAlphabets: ['latin', 'cyrillic'],
    refOwnerBefore: /(?:^|\s)(?:ее|его|их|этого|этой)\s+$/i,
    refOfAfter: /^,?\s+(?:резолюции|решения|доклада)/,
    entitled: 'озаглавленн\\p{L}*',
    functionWords: ['и', 'в', 'на', 'по', 'с', 'о', 'для', 'что', 'к', 'также', 'ее', 'его', 'их', 'от', 'в том числе'],
  },
  ar: {
    lang: 'ar',
    authority: /^إن\s+\S[^.؛:!?]{0,160}$/u,
    also: ['أيضا', 'كذلك'],
    adverbPosition: 'after',
    leadingModifiers: [],
    trailingModifiers: ['أيضا', 'كذلك'],
    capitalised: false,
    operativeVerbLike: /^ت\p{L}+$/u,
    preambularLike: /^و?إذ$/u,
    numberDelimiter: String.raw`(?:\.|\s?-)`,
    months: [],
    resolutionWord: String.raw`(?:ال)?قرار\p{L}*`,
    citationDateJoin: String.raw`\s+المؤرخ\p{L}*\s+`,
    dateForm: String.raw`\d{1,2}\s+\S+\s+\d{4}`,
    paragraphWord: '(?:ال)?فقر\\p{L}*',
    listJoins: ['و'],
    above: ['أعلاه'],
    below: ['أدناه'],
    closingParenLabels: false,
    labelAlphabets: ['abjad', 'latin'],
    refOwnerBefore: /$^/,
    refOfAfter: /^\s+من\s+(?:القرار|المرفق)/,
    entitled: 'المعنون\\p{L}*',
    functionWords: ['في', 'من', 'على', 'إلى', 'أن', 'التي', 'الذي', 'مع', 'عن', 'وإذ', 'ذلك', 'بما'],
  },
  zh: {
    lang: 'zh',
    authority: /^\p{Script=Han}{0,24}(?:大会|理事会|委员会|会议)$/u,
    also: ['又', '还'],
    adverbPosition: 'before',
    leadingModifiers: ['又', '还', '再次', '强烈', '深为'],
    trailingModifiers: [],
    capitalised: false,
    operativeVerbLike: /^\p{Script=Han}/u,
    preambularLike: /^\p{Script=Han}/u,
    numberDelimiter: String.raw`\.`,
    months: [],
    resolutionWord: '决议',
    citationDateJoin: '',
    dateForm: String.raw`\d{4}年\d{1,2}月\d{1,2}日`,
    paragraphWord: '第\\d+段',
    listJoins: ['和'],
    above: ['上文'],
    below: ['下文'],
    closingParenLabels: false,
    labelAlphabets: ['latin'],
    refOwnerBefore: /$^/,
    refOfAfter: /$^/,
    entitled: '题为',
    functionWords: ['的', '和', '在', '与', '对', '并', '及', '为', '其', '各', '以'],
  },
};

/**
 * French adjectives and participles that open paragraphs, masculine → feminine: an opening agrees
 * with the organ (`L'Assemblée générale` → `Consciente`, `Le Conseil` → `Conscient`).
 */
export const FRENCH_GENDER_PAIRS: Readonly<Record<string, string>> = (() => {
  const out: Record<string, string> = { inquiet: 'inquiète', soucieux: 'soucieuse', désireux: 'désireuse', heureux: 'heureuse' };
  for (const m of [
    'conscient',
    'convaincu',
    'préoccupé',
    'résolu',
    'déterminé',
    'alarmé',
    'guidé',
    'satisfait',
    'certain',
    'persuadé',
    'attaché',
    'encouragé',
    'confiant',
    'décidé',
    'réuni',
    'saisi',
    'consterné',
    'indigné',
    'choqué',
    'attristé',
    'troublé',
    'bouleversé',
    'horrifié',
    'scandalisé',
    'atterré',
    'inspiré',
    'animé',
    'engagé',
    'rassuré',
    'informé',
  ])
    out[m] = m + 'e';
  return out;
})();

export function languageFacts(lang: Lang | undefined): LanguageFacts {
  return LANGUAGE_FACTS[lang ?? 'en'] ?? LANGUAGE_FACTS.en;
}

/** Punctuation of other scripts read as its Latin counterpart when judging endings. */
export const PUNCTUATION_EQUIVALENTS: Readonly<Record<string, string>> = {
  '،': ',',
  '؛': ';',
  '，': ',',
  '；': ';',
  '。': '.',
  '：': ':',
};

/** A regular expression source for a language's dates (the month names filled in). */
export function dateSource(facts: LanguageFacts): string {
  return facts.dateForm.replace('MONTHS', facts.months.length ? facts.months.join('|') : '\\p{L}+');
}
