/**
 * The messages of the findings, in English, French and Spanish: one table keyed by message id.
 * The locale is the user's display language (VS Code sends it at start-up; the command line takes
 * `--locale` or LANG); anything else falls back to English. `{name}` placeholders are filled from
 * the parameters. A check that has no entry here writes its English message itself.
 */

export type MessageLocale = 'en' | 'fr' | 'es';

type Entry = Record<MessageLocale, string>;

export const MESSAGES = {
  'french-spacing.missing': {
    en: 'French typography puts a no-break space before “{mark}”.',
    fr: 'La typographie française demande une espace insécable avant « {mark} ».',
    es: 'La tipografía francesa pone un espacio de no separación antes de «{mark}».',
  },
  'french-spacing.fix': {
    en: 'Insert a no-break space before “{mark}”',
    fr: 'Insérer une espace insécable avant « {mark} »',
    es: 'Insertar un espacio de no separación antes de «{mark}»',
  },
  'french-agreement.mismatch': {
    en: '{word} should agree with {organ} ({gender}): {fixed}.',
    fr: '{word} doit s’accorder avec {organ} ({gender}) : {fixed}.',
    es: '{word} debe concordar con {organ} ({gender}): {fixed}.',
  },
  'gender.feminine': { en: 'feminine', fr: 'féminin', es: 'femenino' },
  'gender.masculine': { en: 'masculine', fr: 'masculin', es: 'masculino' },
  'fix.replaceWith': { en: 'Replace with {word}', fr: 'Remplacer par {word}', es: 'Reemplazar por {word}' },
  'unknown-opening.suggest': {
    en: 'Unknown {kind} phrase {word}: did you mean {suggestion}?',
    fr: 'Formule {kind} inconnue {word} : vouliez-vous dire {suggestion} ?',
    es: 'Fórmula {kind} desconocida {word}: ¿quiso decir {suggestion}?',
  },
  'kind.operative': { en: 'operative', fr: 'du dispositif', es: 'dispositiva' },
  'kind.preambular': { en: 'preambular', fr: 'du préambule', es: 'preambular' },
  'authority-line.missing': {
    en: 'The resolution has operative paragraphs but no authority line (“The General Assembly,”).',
    fr: 'La résolution a des paragraphes du dispositif mais pas de ligne d’autorité (« L’Assemblée générale, »).',
    es: 'La resolución tiene párrafos dispositivos pero ninguna línea de autoridad («La Asamblea General,»).',
  },
  'authority-line.comma': {
    en: 'The authority line should end with a comma: a preamble follows it.',
    fr: 'La ligne d’autorité doit se terminer par une virgule : un préambule la suit.',
    es: 'La línea de autoridad debe terminar en coma: la sigue un preámbulo.',
  },
  'authority-line.noComma': {
    en: 'The authority line takes no comma when no preamble follows it.',
    fr: 'La ligne d’autorité ne prend pas de virgule quand aucun préambule ne la suit.',
    es: 'La línea de autoridad no lleva coma cuando no la sigue ningún preámbulo.',
  },
  'repeated-opening.unmatched': {
    en: '{phrase}, but the paragraph before does not open with {head}.',
    fr: '{phrase}, mais le paragraphe précédent ne commence pas par {head}.',
    es: '{phrase}, pero el párrafo anterior no empieza por {head}.',
  },
  'fix.remove': { en: 'Remove {word}', fr: 'Supprimer {word}', es: 'Eliminar {word}' },
  'cross-reference.nowhere': {
    en: '{ref} points nowhere: there is no operative paragraph {label}.',
    fr: '{ref} ne renvoie à rien : il n’y a pas de paragraphe {label} dans le dispositif.',
    es: '{ref} no remite a nada: no hay párrafo dispositivo {label}.',
  },
  'cross-reference.self': {
    en: '{ref} is the paragraph it stands in.',
    fr: '{ref} est le paragraphe même où il figure.',
    es: '{ref} es el mismo párrafo en que figura.',
  },
  'cross-reference.wrongWay': {
    en: '{ref} points the wrong way: paragraph {label} is {where}.',
    fr: '{ref} renvoie dans le mauvais sens : le paragraphe {label} est {where}.',
    es: '{ref} remite en el sentido equivocado: el párrafo {label} está {where}.',
  },
  'cross-reference.noSub': {
    en: 'Paragraph {label} has no sub-paragraph {sub}.',
    fr: 'Le paragraphe {label} n’a pas d’alinéa {sub}.',
    es: 'El párrafo {label} no tiene apartado {sub}.',
  },
  'where.above': { en: 'above', fr: 'plus haut', es: 'más arriba' },
  'where.below': { en: 'below', fr: 'plus bas', es: 'más abajo' },
} satisfies Record<string, Entry>;

export type MessageId = keyof typeof MESSAGES;

/** The message locale for a display language or LANG value ("fr-CA", "es_ES.UTF-8"); English otherwise. */
export function messageLocale(locale: string | undefined | null): MessageLocale {
  const head = (locale ?? '').trim().toLowerCase().split(/[-_.]/)[0];
  return head === 'fr' || head === 'es' ? head : 'en';
}

/** A message in a locale, its `{placeholders}` filled. */
export function message(id: MessageId, params: Record<string, string | number> = {}, locale: MessageLocale = 'en'): string {
  const entry: Entry = MESSAGES[id];
  const text = entry[locale] ?? entry.en;
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}
