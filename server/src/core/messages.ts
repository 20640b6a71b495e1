/**
 * The messages of the findings, in English, French and Spanish: one table keyed by message id.
 * The locale is the user's display language (VS Code sends it at start-up; the command line takes
 * `--locale` or LANG); anything else falls back to English. `{name}` placeholders are filled from
 * the parameters. Every check's messages and fix titles are here.
 */

export type MessageLocale = 'en' | 'fr' | 'es';

/** A message in each locale. A check may keep its own messages beside it (`satisfies MessageEntry`). */
export type MessageEntry = Record<MessageLocale, string>;
type Entry = MessageEntry;

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
  'fix.insert': { en: 'Insert {word}', fr: 'Insérer {word}', es: 'Insertar {word}' },
  'fix.italicise': { en: 'Italicise {phrase}', fr: 'Mettre {phrase} en italique', es: 'Poner {phrase} en cursiva' },
  'fix.removeItalics': {
    en: 'Remove the italics from {phrase}',
    fr: 'Retirer l’italique de {phrase}',
    es: 'Quitar la cursiva de {phrase}',
  },
  'fix.endWith': { en: 'End with {want}', fr: 'Terminer par {want}', es: 'Terminar con {want}' },
  'bracket-balance.unclosed': {
    en: 'Unbalanced bracket: this “[” is never closed; its “]” is expected by the end of the paragraph ({where}).',
    fr: 'Crochet non apparié : ce « [ » n’est jamais fermé ; son « ] » est attendu avant la fin du paragraphe ({where}).',
    es: 'Corchete desparejado: este «[» no se cierra nunca; su «]» se espera antes del final del párrafo ({where}).',
  },
  'bracket-balance.unopened': {
    en: 'Unbalanced bracket: this “]” closes no “[”; its “[” is expected after the start of the paragraph ({where}).',
    fr: 'Crochet non apparié : ce « ] » ne ferme aucun « [ » ; son « [ » est attendu après le début du paragraphe ({where}).',
    es: 'Corchete desparejado: este «]» no cierra ningún «[»; su «[» se espera después del comienzo del párrafo ({where}).',
  },
  'where.lineColumn': { en: 'line {line}, column {column}', fr: 'ligne {line}, colonne {column}', es: 'línea {line}, columna {column}' },
  'citation-date.year': {
    en: 'Resolution {symbol} was adopted in {year}, not on {date}.',
    fr: 'La résolution {symbol} a été adoptée en {year}, non le {date}.',
    es: 'La resolución {symbol} se aprobó en {year}, no el {date}.',
  },
  'citation-date.corpus': {
    en: 'Resolution {symbol} is dated {shown} in the corpus, not {date}.',
    fr: 'La résolution {symbol} est datée du {shown} dans le corpus, non du {date}.',
    es: 'La resolución {symbol} tiene fecha {shown} en el corpus, no {date}.',
  },
  'citation-date.fix': { en: 'Use {shown}', fr: 'Utiliser {shown}', es: 'Usar {shown}' },
  'citation-date.twoDates': {
    en: 'Resolution {symbol} is cited with two dates: {first} (line {line}) and {date}.',
    fr: 'La résolution {symbol} est citée avec deux dates : {first} (ligne {line}) et {date}.',
    es: 'La resolución {symbol} se cita con dos fechas: {first} (línea {line}) y {date}.',
  },
  'footnote-duplicate.twice': {
    en: 'Footnote {label} is defined twice (first on line {line}).',
    fr: 'La note de bas de page {label} est définie deux fois (la première à la ligne {line}).',
    es: 'La nota a pie de página {label} se define dos veces (la primera en la línea {line}).',
  },
  'footnote-sequence.order': {
    en: 'Footnote {label} is referenced where footnote {expected} is expected: footnotes are numbered in order of first reference.',
    fr: 'La note de bas de page {label} est appelée là où la note {expected} est attendue : les notes sont numérotées dans l’ordre de leur premier appel.',
    es: 'La nota a pie de página {label} se cita donde se espera la nota {expected}: las notas se numeran por orden de primera cita.',
  },
  'footnote-sequence.fix': {
    en: 'Renumber footnotes in order of first reference',
    fr: 'Renuméroter les notes de bas de page dans l’ordre de leur premier appel',
    es: 'Renumerar las notas a pie de página por orden de primera cita',
  },
  'footnote-undefined.missing': {
    en: 'Footnote {label} has no definition.',
    fr: 'La note de bas de page {label} n’a pas de texte.',
    es: 'La nota a pie de página {label} no tiene texto.',
  },
  'footnote-unused.unused': {
    en: 'Footnote {label} is defined but never referenced.',
    fr: 'La note de bas de page {label} est définie mais jamais appelée.',
    es: 'La nota a pie de página {label} está definida pero nunca se cita.',
  },
  'label-without-base.alternative': {
    en: '“{label}” is an alternative to {base}, but there is no paragraph {base} before it.',
    fr: '« {label} » est une variante de {base}, mais aucun paragraphe {base} ne le précède.',
    es: '«{label}» es una alternativa a {base}, pero no hay ningún párrafo {base} antes.',
  },
  'label-without-base.misplaced': {
    en: '“{label}” is inserted after paragraph {plain}, but it stands after {prev}.',
    fr: '« {label} » est inséré après le paragraphe {plain}, mais il figure après {prev}.',
    es: '«{label}» se inserta después del párrafo {plain}, pero figura después de {prev}.',
  },
  'label-without-base.start': { en: 'the start', fr: 'le début', es: 'el comienzo' },
  'label-without-base.noBase': {
    en: '“{label}” is inserted after paragraph {plain}, but there is no paragraph {plain} before it.',
    fr: '« {label} » est inséré après le paragraphe {plain}, mais aucun paragraphe {plain} ne le précède.',
    es: '«{label}» se inserta después del párrafo {plain}, pero no hay ningún párrafo {plain} antes.',
  },
  'new-language.paragraph': {
    en: 'New language: no precedent in the corpus for this paragraph.',
    fr: 'Nouveau libellé : aucun précédent dans le corpus pour ce paragraphe.',
    es: 'Texto nuevo: ningún precedente en el corpus para este párrafo.',
  },
  'new-language.words': {
    en: 'New language: no precedent in the corpus for “{words}”.',
    fr: 'Nouveau libellé : aucun précédent dans le corpus pour « {words} ».',
    es: 'Texto nuevo: ningún precedente en el corpus para «{words}».',
  },
  'operative-in-preamble.verb': {
    en: 'A preambular paragraph opens with the operative verb {verb}: make it a numbered operative paragraph, or open it with a participle.',
    fr: 'Un alinéa du préambule commence par le verbe du dispositif {verb} : faites-en un paragraphe numéroté du dispositif, ou commencez-le par un participe.',
    es: 'Un párrafo del preámbulo empieza con el verbo dispositivo {verb}: conviértalo en un párrafo dispositivo numerado, o empiécelo con un participio.',
  },
  'operative-numbering.fix': {
    en: 'Renumber operative paragraphs',
    fr: 'Renuméroter les paragraphes du dispositif',
    es: 'Renumerar los párrafos dispositivos',
  },
  'operative-numbering.unnumbered': {
    en: 'Operative paragraph without a number (expected {expected}).',
    fr: 'Paragraphe du dispositif sans numéro ({expected} attendu).',
    es: 'Párrafo dispositivo sin número (se esperaba {expected}).',
  },
  'operative-numbering.draftOnly': {
    en: '“{number}” numbering belongs to negotiation drafts; renumber the paragraphs or turn on resolution.draftMode.',
    fr: 'La numérotation « {number} » est propre aux projets en négociation ; renumérotez les paragraphes ou activez resolution.draftMode.',
    es: 'La numeración «{number}» es propia de los proyectos en negociación; renumere los párrafos o active resolution.draftMode.',
  },
  'operative-numbering.follow': {
    en: 'Paragraph “{number}” should follow paragraph {value}.',
    fr: 'Le paragraphe « {number} » doit suivre le paragraphe {value}.',
    es: 'El párrafo «{number}» debe seguir al párrafo {value}.',
  },
  'operative-numbering.followNot': {
    en: 'Paragraph “{number}” should follow paragraph {value}, not {prev}.',
    fr: 'Le paragraphe « {number} » doit suivre le paragraphe {value}, non le {prev}.',
    es: 'El párrafo «{number}» debe seguir al párrafo {value}, no al {prev}.',
  },
  'operative-numbering.wrong': {
    en: 'Operative paragraph numbered {value}, expected {expected} ({what}).',
    fr: 'Paragraphe du dispositif numéroté {value}, {expected} attendu ({what}).',
    es: 'Párrafo dispositivo numerado {value}, se esperaba {expected} ({what}).',
  },
  'operative-numbering.duplicate': { en: 'duplicate number {value}', fr: 'numéro {value} en double', es: 'número {value} repetido' },
  'operative-numbering.restart': {
    en: 'numbering restarts at {value} after {prev}',
    fr: 'la numérotation repart à {value} après {prev}',
    es: 'la numeración vuelve a empezar en {value} después de {prev}',
  },
  'operative-numbering.start': {
    en: 'numbering starts at {value}',
    fr: 'la numérotation commence à {value}',
    es: 'la numeración empieza en {value}',
  },
  'operative-numbering.gap': { en: 'gap: {value} follows {prev}', fr: 'lacune : {value} suit {prev}', es: 'salto: {value} sigue a {prev}' },
  'punctuation.ending': {
    en: '{what} ends with {has}; it should end with {want}.',
    fr: '{what} se termine par {has} ; il faut {want}.',
    es: '{what} termina con {has}; debería terminar con {want}.',
  },
  'punct.comma': { en: 'a comma', fr: 'une virgule', es: 'una coma' },
  'punct.semicolon': { en: 'a semicolon', fr: 'un point-virgule', es: 'un punto y coma' },
  'punct.fullStop': { en: 'a full stop', fr: 'un point', es: 'un punto' },
  'punct.colon': { en: 'a colon', fr: 'deux-points', es: 'dos puntos' },
  'punct.none': { en: 'no punctuation', fr: 'un mot sans ponctuation', es: 'una palabra sin puntuación' },
  'what.subparagraph': { en: 'Sub-paragraph {label}', fr: 'L’alinéa {label}', es: 'El apartado {label}' },
  'what.leadIn': {
    en: 'The lead-in to the sub-paragraphs',
    fr: 'La phrase introductive des alinéas',
    es: 'La frase introductoria de los apartados',
  },
  'what.operative': { en: 'The operative paragraph', fr: 'Le paragraphe du dispositif', es: 'El párrafo dispositivo' },
  'what.lastOperative': {
    en: 'The last operative paragraph',
    fr: 'Le dernier paragraphe du dispositif',
    es: 'El último párrafo dispositivo',
  },
  'what.preambular': { en: 'The preambular paragraph', fr: 'L’alinéa du préambule', es: 'El párrafo del preámbulo' },
  'operative-verb-italic.partial': {
    en: 'Only part of the verb phrase {phrase} is italic.',
    fr: 'Une partie seulement de la formule verbale {phrase} est en italique.',
    es: 'Solo una parte de la fórmula verbal {phrase} está en cursiva.',
  },
  'operative-verb-italic.none': {
    en: 'The verb phrase {phrase} is not italic.',
    fr: 'La formule verbale {phrase} n’est pas en italique.',
    es: 'La fórmula verbal {phrase} no está en cursiva.',
  },
  'preambular-italic-consistency.notItalic': {
    en: 'The preambular phrase {phrase} is not italic ({why}).',
    fr: 'La formule du préambule {phrase} n’est pas en italique ({why}).',
    es: 'La fórmula del preámbulo {phrase} no está en cursiva ({why}).',
  },
  'preambular-italic-consistency.partlyItalic': {
    en: 'The preambular phrase {phrase} is only partly italic ({why}).',
    fr: 'La formule du préambule {phrase} n’est qu’en partie en italique ({why}).',
    es: 'La fórmula del preámbulo {phrase} solo está en parte en cursiva ({why}).',
  },
  'preambular-italic-consistency.italic': {
    en: 'The preambular phrase {phrase} is italic ({why}).',
    fr: 'La formule du préambule {phrase} est en italique ({why}).',
    es: 'La fórmula del preámbulo {phrase} está en cursiva ({why}).',
  },
  'preambular-italic-consistency.countItalic': {
    en: '{count} of {total} preambular openings are italic',
    fr: '{count} des {total} débuts d’alinéa du préambule sont en italique',
    es: '{count} de los {total} comienzos de párrafo del preámbulo están en cursiva',
  },
  'preambular-italic-consistency.countPlain': {
    en: '{count} of {total} preambular openings are not italic',
    fr: '{count} des {total} débuts d’alinéa du préambule ne sont pas en italique',
    es: '{count} de los {total} comienzos de párrafo del preámbulo no están en cursiva',
  },
  'preambular-italic-consistency.style': {
    en: 'the style is set to "{style}"',
    fr: 'le style est réglé sur « {style} »',
    es: 'el estilo está fijado en «{style}»',
  },
  'preambular-in-operative.opening': {
    en: 'An operative paragraph opens with the preambular phrase {phrase}: move it to the preamble, or open it with a verb (“Recalls”).',
    fr: 'Un paragraphe du dispositif commence par la formule du préambule {phrase} : placez-le dans le préambule, ou commencez-le par un verbe (« Rappelle »).',
    es: 'Un párrafo dispositivo empieza con la fórmula del preámbulo {phrase}: páselo al preámbulo, o empiécelo con un verbo («Recuerda»).',
  },
  'preambular-in-operative.among': {
    en: 'A preambular paragraph ({phrase}) stands among the operative paragraphs: move it to the preamble, or open it with a verb (“Recalls”).',
    fr: 'Un alinéa du préambule ({phrase}) figure parmi les paragraphes du dispositif : placez-le dans le préambule, ou commencez-le par un verbe (« Rappelle »).',
    es: 'Un párrafo del preámbulo ({phrase}) figura entre los párrafos dispositivos: páselo al preámbulo, o empiécelo con un verbo («Recuerda»).',
  },
  'repeated-opening.noAdverb': {
    en: '{head} repeats the opening of the paragraph before; a repeat usually carries {adverb}.',
    fr: '{head} reprend le début du paragraphe précédent ; une reprise s’accompagne d’ordinaire de {adverb}.',
    es: '{head} repite el comienzo del párrafo anterior; una repetición suele llevar {adverb}.',
  },
  'status-tag-unknown.unknown': {
    en: '“[{tag}]” is not a status tag of the configured set ({known}); it counts as neither agreed nor pending. Add it to resolution.negotiation.tags if the negotiation uses it.',
    fr: '« [{tag}] » n’est pas une balise d’état de l’ensemble configuré ({known}) ; elle ne compte ni comme acceptée ni comme en suspens. Ajoutez-la à resolution.negotiation.tags si la négociation l’emploie.',
    es: '«[{tag}]» no es una etiqueta de estado del conjunto configurado ({known}); no cuenta ni como aceptada ni como pendiente. Añádala a resolution.negotiation.tags si la negociación la usa.',
  },
  'subparagraph-sequence.order': {
    en: 'Sub-paragraph {label} out of sequence: expected {want}.',
    fr: 'Alinéa {label} hors séquence : {want} attendu.',
    es: 'Apartado {label} fuera de orden: se esperaba {want}.',
  },
  'subparagraph-sequence.orderAfter': {
    en: 'Sub-paragraph {label} out of sequence: expected {want} after {prev}.',
    fr: 'Alinéa {label} hors séquence : {want} attendu après {prev}.',
    es: 'Apartado {label} fuera de orden: se esperaba {want} después de {prev}.',
  },
  'subparagraph-sequence.fix': {
    en: 'Re-letter the sub-paragraphs',
    fr: 'Renuméroter les alinéas',
    es: 'Volver a asignar letras a los apartados',
  },
  'unknown-opening.clearly': {
    en: 'The paragraph opens with {word}: {expected}.',
    fr: 'Le paragraphe commence par {word} : {expected}.',
    es: 'El párrafo empieza con {word}: {expected}.',
  },
  'unknown-opening.expected.operative': {
    en: 'an operative paragraph opens with a verb in the present tense (“Decides”, “Calls upon”)',
    fr: 'un paragraphe du dispositif commence par un verbe au présent (« Décide », « Demande »)',
    es: 'un párrafo dispositivo empieza con un verbo en presente («Decide», «Exhorta»)',
  },
  'unknown-opening.expected.preambular': {
    en: 'a preambular paragraph opens with a participle or adjective (“Recalling”, “Deeply concerned”)',
    fr: 'un alinéa du préambule commence par un participe ou un adjectif (« Rappelant », « Profondément préoccupée »)',
    es: 'un párrafo del preámbulo empieza con un participio o un adjetivo («Recordando», «Profundamente preocupada»)',
  },
} satisfies Record<string, Entry>;

export type MessageId = keyof typeof MESSAGES;

/** The message locale for a display language or LANG value ("fr-CA", "es_ES.UTF-8"); English otherwise. */
export function messageLocale(locale: string | undefined | null): MessageLocale {
  const head = (locale ?? '').trim().toLowerCase().split(/[-_.]/)[0];
  return head === 'fr' || head === 'es' ? head : 'en';
}

const PLACEHOLDER_RE = /\{(\w+)\}/g;

/** A message in a locale, its `{placeholders}` filled. */
export function message(id: MessageId | MessageEntry, params: Record<string, string | number> = {}, locale: MessageLocale = 'en'): string {
  const entry: Entry = typeof id === 'string' ? MESSAGES[id] : id;
  const text = entry[locale] ?? entry.en;
  return text.replace(PLACEHOLDER_RE, (m, k: string) => (k in params ? String(params[k]) : m));
}
