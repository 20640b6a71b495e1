#!/usr/bin/env node
/*
 * Builds syntaxes/resolution.tmLanguage.json, the TextMate grammar of the `resolution` language.
 *
 *   node syntaxes/build-grammar.js          write the grammar
 *   node syntaxes/build-grammar.js --check  exit 1 if the committed grammar is out of date
 *
 * The phrase data below are the opening phrases of the domain model (shared DRAFTING.md lists)
 * widened with the heads of the openings found in the adopted General Assembly texts of the
 * 75th and 76th sessions (preambular and operative paragraphs). Only the head word of a phrase
 * is listed; the grammar accepts the usual modifiers around it ("Deeply concerned",
 * "Reaffirming also", "Also strongly encourages", "Noting with concern", "Takes note of").
 */
'use strict';

const fs = require('fs');
const path = require('path');

// ---------------------------------------------------------------------------------------------
// Phrase data

/** Heads of preambular openings (participles and adjectives), lower case. */
const PREAMBULAR_HEADS = [
  'acknowledging', 'affirming', 'alarmed', 'appreciating', 'approving', 'aware', 'bearing',
  'believing', 'calling', 'cognizant', 'commemorating', 'commending', 'committed', 'committing',
  'concerned', 'condemning', 'confident', 'confirming', 'conscious', 'considering', 'continuing',
  'convinced', 'declaring', 'deploring', 'desiring', 'desirous', 'determined', 'disappointed',
  'disturbed', 'emphasizing', 'encouraged', 'encouraging', 'endorsing', 'expressing', 'giving',
  'gratified', 'guided', 'having', 'highlighting', 'honouring', 'inviting', 'keeping', 'looking',
  'marking', 'mindful', 'noting', 'observing', 'reaffirming', 'realizing', 'recalling',
  'recognizing', 'recommitting', 'reconfirming', 're-emphasizing', 'referring', 'regretting',
  'reiterating', 'rejecting', 'remaining', 'reminding', 'renewing', 'resolved', 'seized',
  'sharing', 'stressing', 'supporting', 'taking', 'trusting', 'underlining', 'underscoring',
  'understanding', 'urging', 'welcoming', 'wishing',
];

/** Heads of operative openings (present indicative, third person), lower case. */
const OPERATIVE_HEADS = [
  'accepts', 'acknowledges', 'adopts', 'affirms', 'agrees', 'appeals', 'appreciates', 'approves',
  'asks', 'authorizes', 'calls', 'commends', 'condemns', 'confirms', 'congratulates', 'considers',
  'continues', 'decides', 'declares', 'demands', 'deplores', 'designates', 'determines', 'directs',
  'draws', 'emphasizes', 'encourages', 'endorses', 'expects', 'expresses', 'greets', 'highlights',
  'instructs', 'invites', 'looks', 'notes', 'pays', 'pledges', 'proclaims', 'proposes',
  'reaffirms', 'recalls', 'recognizes', 'recommends', 'regrets', 're-emphasizes', 'reiterates',
  'rejects', 'reminds', 'renews', 'requests', 'resolves', 'respects', 'stresses', 'suggests',
  'supports', 'takes', 'underlines', 'underscores', 'urges', 'values', 'welcomes',
];

/** Adverbs that may stand before a preambular head ("Deeply concerned", "Further recognizing"). */
const PREAMBULAR_ADVERBS = [
  'Also', 'Further', 'Deeply', 'Gravely', 'Seriously', 'Strongly', 'Firmly', 'Particularly',
  'Profoundly', 'Equally', 'Greatly', 'Fully', 'Highly', 'Again', 'Once again', 'Increasingly',
  'Acutely', 'Extremely', 'Keenly', 'Sincerely',
];

/** Adverbs before an operative head ("Also strongly encourages", "Once again calls upon"). */
const OPERATIVE_ADVERBS = [
  'Also', 'Further', 'Again', 'Once again', 'Strongly', 'Urgently', 'Firmly', 'Deeply', 'Fully',
  'Warmly', 'Sincerely', 'Emphatically', 'Unequivocally', 'Categorically',
];

/** What may follow a head to complete the phrase. */
const QUALITIES = 'deep|great|serious|grave|particular|renewed|profound|sincere|strong|full|utmost|continued|continuing|unwavering|firm';
const FEELINGS = 'concern|appreciation|satisfaction|gratitude|interest|regret|alarm|dismay|condolences|support|hope|commitment|condemnation|solidarity|conviction|determination|call|request|recognition|sympathy|thanks|outrage|readiness|willingness|belief|expectation|respect|desire|intention|disappointment|alarm';
const PREAMBULAR_COMPLEMENTS = [
  'in mind',
  'into (?:account|consideration)',
  'note(?:\\s+(?:also|further))?(?:\\s+with\\s+(?:(?:' + QUALITIES + ')\\s+)?(?:' + FEELINGS + '))?(?:\\s+of)?',
  'by',
  'with\\s+(?:(?:' + QUALITIES + ')\\s+)?(?:' + FEELINGS + ')',
  '(?:its\\s+)?(?:(?:' + QUALITIES + ')\\s+)?(?:' + FEELINGS + ')(?:\\s+(?:upon|for))?',
  'upon', 'for', 'once again', 'once more', 'in particular',
  '(?:also\\s+)?(?:considered|examined|heard|received|reviewed|adopted|listened|taken note|noted|met|participated|decided)',
  'forward',
  '(?:(?:deeply|gravely|seriously|particularly)\\s+)?(?:concerned|convinced|committed|aware|seized|determined|mindful|alarmed|confident|disturbed)',
];
const OPERATIVE_COMPLEMENTS = [
  'once again upon', 'again upon', 'upon', 'on', 'for',
  'note(?:\\s+(?:also|further))?(?:\\s+with\\s+(?:(?:' + QUALITIES + ')\\s+)?(?:' + FEELINGS + '))?(?:\\s+of)?',
  'the attention(?:\\s+of)?', 'forward to', 'into account', 'tribute(?:\\s+to)?',
  'with\\s+(?:(?:' + QUALITIES + ')\\s+)?(?:' + FEELINGS + ')',
  '(?:its\\s+)?(?:(?:' + QUALITIES + ')\\s+)?(?:' + FEELINGS + ')(?:\\s+(?:upon|for))?',
  'once again', 'once more', 'in particular', 'forward',
];

const SUFFIXES = ['bis', 'ter', 'quater', 'quinquies', 'sexies', 'septies', 'octies', 'novies', 'decies'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SUPERSCRIPTS = '¹²³⁴⁵⁶⁷⁸⁹⁰';

/** Lower-case connecting words allowed inside the name of an organ on the authority line. */
const AUTHORITY_CONNECTORS = ['of', 'the', 'to', 'on', 'and', 'against', 'for', 'in', 'at', 'as', 'serving', 'meeting', 'with', 'by', 'its', 'from', 'under'];
/** Nouns one of which the authority line must contain. */
const AUTHORITY_NOUNS = ['Assembly', 'Council', 'Conference', 'Commission', 'Parties', 'Meeting', 'Committee', 'Board', 'Congress', 'Forum', 'Session', 'Summit', 'Organization', 'Members', 'Signatories', 'Bureau', 'Governing'];

// ---------------------------------------------------------------------------------------------
// Regular expression pieces

/** British spellings (-ise-) alongside the UN's -ize- ones. */
function withBritish(words) {
  const out = new Set();
  for (const w of words) {
    out.add(w);
    if (w.includes('iz')) out.add(w.replace(/iz/g, 'is'));
  }
  return [...out];
}

/** Alternation, longest first so that the regex engine prefers the fullest phrase. */
function alt(items) {
  return [...new Set(items)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).join('|');
}

const END = '(?![\\p{L}\\p{N}\\-])';
const preHeads = '(?i:' + alt(withBritish(PREAMBULAR_HEADS)) + ')';
const opHeads = '(?i:' + alt(withBritish(OPERATIVE_HEADS)) + ')';
const preAdverbs = '(?:(?:' + alt(PREAMBULAR_ADVERBS) + ')\\s+){0,2}';
const opAdverbs = '(?:(?:' + alt(OPERATIVE_ADVERBS) + ')\\s+){0,2}';

/** A preambular opening phrase: adverbs, head, also/further, complement, also/further. */
const PREAMBULAR_PHRASE =
  preAdverbs + preHeads + END +
  '(?:\\s+(?i:also|further|again))?' +
  '(?:\\s+(?i:' + PREAMBULAR_COMPLEMENTS.join('|') + ')' + END + ')?' +
  '(?:\\s+(?:also|further|again)' + END + ')?';

/** An operative verb phrase: adverbs, head, complement. */
const OPERATIVE_PHRASE =
  opAdverbs + opHeads + END +
  '(?:\\s+(?:also|further|again))?' +
  '(?:\\s+(?i:' + OPERATIVE_COMPLEMENTS.join('|') + ')' + END + ')?';

/** The same in lower case, as a further italic verb inside a paragraph (`and *invites* …`). */
const OPERATIVE_PHRASE_LOWER =
  '(?:(?:also|further|again|strongly|urgently)\\s+)?' +
  '(?:' + alt(withBritish(OPERATIVE_HEADS)) + ')' + END +
  '(?:\\s+(?:' + OPERATIVE_COMPLEMENTS.join('|') + ')' + END + ')?';

const DATE = '(?:\\d{1,2}\\s+)?(?:' + MONTHS.join('|') + ')\\s+\\d{4}\\b';
/** Document symbols with slashes: A/RES/75/311, A/75/L.116/Add.1, UNEP/EA.3/Res.4, CBD/COP/14/14. */
const SYMBOL_SLASHED = '[A-Z][A-Z0-9.\\-]*(?=[A-Za-z0-9./\\-]*\\d)(?:/[A-Za-z0-9.\\-]*[A-Za-z0-9])+(?:\\s\\((?:19|20)\\d\\d\\))?';
/** Resolution numbers: 70/1, 2013/40, 75/101 A; old style 1514 (XV); Security Council 2282 (2016). */
const SYMBOL_NUMBERED = '\\d{1,4}/\\d{1,4}(?:[A-Z]\\b)?(?![\\w/])';
const SYMBOL_OLD = '\\d{1,4}\\s?\\((?:ES-|S-)?[IVXLC]+\\)';
const SYMBOL_COUNCIL = '\\d{3,4}\\s\\((?:19|20)\\d\\d\\)';
const SYMBOL_RESOLUTION_NAMED = '[A-Z][A-Z0-9]*(?:/[A-Z][A-Za-z0-9]*)*/(?:Resolution|Decision|Res\\.|Dec\\.)\\s?\\d+(?:[./]\\d+)*(?:\\s\\((?:Rev\\.)?[A-Za-z0-9.]+\\))?';
const SYMBOL =
  '(?<![\\w/.])(?:(?=[A-Z])(?:' + SYMBOL_RESOLUTION_NAMED + '|' + SYMBOL_SLASHED + ')' +
  '|(?=\\d)(?:' + [SYMBOL_OLD, SYMBOL_COUNCIL, SYMBOL_NUMBERED].join('|') + '))';

const AUTH_WORD = '(?:\\p{Lu}[\\p{L}\\p{M}’\'.\\-]*|' + AUTHORITY_CONNECTORS.join('|') + ')';
const AUTH_NAME = 'The(?:\\s+' + AUTH_WORD + ')+';
const AUTH_NOUN = '(?=[^\\n]*\\b(?:' + AUTHORITY_NOUNS.join('|') + ')\\b)';

const NUMBER = '\\d{1,3}(?:\\s+(?:' + SUFFIXES.join('|') + '))?';
const SUB_LABEL = '\\((?:[ivxlcdm]{1,6}|[a-z]{1,2}|[A-Z]|\\d{1,2})\\)|(?:[ivxlcdm]{1,6}|[a-z])\\.';
const MEETING = '\\d{1,4}(?:st|nd|rd|th)\\s+(?:plenary\\s+)?meeting\\b';
const DIRECTIVES = 'resolution-(?:disable-next-paragraph|disable-file|disable|enable)';

// ---------------------------------------------------------------------------------------------
// The grammar

function buildGrammar() {
  const S = '.resolution';
  /** A symbol, bare or as the text of a link: [69/314](#). Seven groups. */
  const CITED = '(?:(\\[)(' + SYMBOL + ')(\\])(\\()([^)\\s]*)(\\))|(' + SYMBOL + '))';
  const CITED_CAPTURES = (n) => ({
    [n]: { name: 'punctuation.definition.link.title.begin' + S },
    [n + 1]: { name: 'string.other.symbol' + S },
    [n + 2]: { name: 'punctuation.definition.link.title.end' + S },
    [n + 3]: { name: 'punctuation.definition.link.begin' + S },
    [n + 4]: { name: 'markup.underline.link' + S },
    [n + 5]: { name: 'punctuation.definition.link.end' + S },
    [n + 6]: { name: 'string.other.symbol' + S },
  });
  /**
   * A bold and an italic version of a phrase in emphasis markers: `inner` has one group (the
   * phrase, scoped `scope`) and starts with \\G, which the opening marker is put after.
   */
  const emphasised = (inner, scope, after) => [
    ['\\*\\*|__', 'markup.bold' + S, 'punctuation.definition.bold' + S],
    ['\\*|_', 'markup.italic' + S, 'punctuation.definition.italic' + S],
  ].map(([marker, name, punctuation]) => ({
    name,
    match: '\\G(' + marker + ')' + inner.replace(/^\\G/, '') + '(\\1)' + after,
    captures: { 1: { name: punctuation }, 2: { name: scope }, 3: { name: punctuation } },
  }));
  const repository = {
    // ---- block constructs (line starts)
    comment: {
      name: 'comment.block.html' + S,
      begin: '<!--',
      end: '-->',
      beginCaptures: { 0: { name: 'punctuation.definition.comment.begin' + S } },
      endCaptures: { 0: { name: 'punctuation.definition.comment.end' + S } },
      patterns: [
        {
          name: 'meta.directive' + S,
          match: '\\G\\s*(' + DIRECTIVES + ')(?![\\w-])((?:[\\s,]+(?!--)[A-Za-z][\\w-]*)*)',
          captures: {
            1: { name: 'keyword.control.directive' + S },
            2: { patterns: [{ match: '[A-Za-z][\\w-]*', name: 'variable.parameter.rule-id' + S }] },
          },
        },
      ],
    },
    heading: {
      name: 'markup.heading' + S,
      match: '^[ \\t]{0,3}(#{1,6})(?:[ \\t]+(.*?))?(?:[ \\t]+(#+))?[ \\t]*$',
      captures: {
        1: { name: 'punctuation.definition.heading' + S },
        2: { name: 'entity.name.section' + S, patterns: [{ include: '#inline' }] },
        3: { name: 'punctuation.definition.heading' + S },
      },
    },
    separator: {
      name: 'meta.separator' + S,
      match: '^[ \\t]{0,3}(?:(?:-[ \\t]*){3,}|(?:\\*[ \\t]*){3,}|(?:_[ \\t]*){3,})$',
    },
    title: {
      name: 'markup.heading.title' + S,
      match: '^[ \\t]*(\\d{1,4}/\\d{1,4}(?:\\s?[A-Z](?:-[A-Z])?)?)(\\.)[ \\t]+(\\S.*)$',
      captures: {
        1: { name: 'string.other.symbol' + S },
        2: { name: 'punctuation.separator.title' + S },
        3: { name: 'entity.name.section.title' + S, patterns: [{ include: '#inline' }] },
      },
    },
    annex: {
      name: 'markup.heading.annex' + S,
      match: '^[ \\t]*(\\*{0,2})(Annex(?:es)?(?:\\s+[IVXLC]+)?)(\\*{0,2})[ \\t]*$',
      captures: {
        1: { name: 'punctuation.definition.emphasis' + S },
        2: { name: 'entity.name.section.annex' + S },
        3: { name: 'punctuation.definition.emphasis' + S },
      },
    },
    'authority-line': {
      patterns: [
        {
          // The General Assembly,
          name: 'meta.authority-line' + S,
          match: '^[ \\t]*' + AUTH_NOUN + '(' + AUTH_NAME + ')(,?)[ \\t]*$',
          captures: {
            1: { name: 'entity.name.type.authority' + S },
            2: { name: 'punctuation.separator.authority' + S },
          },
        },
        {
          // *The Conference of the Parties …,*  or  *The General Assembly*,
          name: 'meta.authority-line' + S,
          match: '^[ \\t]*' + AUTH_NOUN + '(\\*{1,2}|_)(' + AUTH_NAME + ')(,?)(\\1)(,?)[ \\t]*$',
          captures: {
            0: { name: 'markup.italic' + S },
            1: { name: 'punctuation.definition.italic' + S },
            2: { name: 'entity.name.type.authority' + S },
            3: { name: 'punctuation.separator.authority' + S },
            4: { name: 'punctuation.definition.italic' + S },
            5: { name: 'punctuation.separator.authority' + S },
          },
        },
        {
          // *The Conference of the Parties to the
          //  Convention on the Conservation of Migratory Species of Wild Animals*
          name: 'meta.authority-line' + S + ' markup.italic' + S,
          contentName: 'entity.name.type.authority' + S,
          begin: '^[ \\t]*' + AUTH_NOUN + '(\\*{1,2}|_)(?=' + AUTH_NAME + '[ \\t]*$)',
          end: '(\\1)(,?)[ \\t]*$|(,)(\\1)[ \\t]*$|^(?=[ \\t]*$)',
          beginCaptures: { 1: { name: 'punctuation.definition.italic' + S } },
          endCaptures: {
            1: { name: 'punctuation.definition.italic' + S },
            2: { name: 'punctuation.separator.authority' + S },
            3: { name: 'punctuation.separator.authority' + S },
            4: { name: 'punctuation.definition.italic' + S },
          },
        },
      ],
    },
    'meeting-line': {
      patterns: [
        {
          // *93rd plenary meeting  /  23 July 2021*
          name: 'meta.meeting-line' + S + ' markup.italic' + S,
          begin: '^[ \\t]*(\\*{1,2}|_)(?=' + MEETING + ')',
          end: '(\\1)[ \\t]*$|^(?=[ \\t]*$)',
          beginCaptures: { 1: { name: 'punctuation.definition.italic' + S } },
          endCaptures: { 1: { name: 'punctuation.definition.italic' + S } },
          patterns: [
            { match: MEETING, name: 'entity.name.type.meeting' + S },
            { match: DATE, name: 'constant.numeric.date' + S },
          ],
        },
        {
          name: 'meta.meeting-line' + S,
          match: '^[ \\t]*(' + MEETING + ')[ \\t]*$',
          captures: { 1: { name: 'entity.name.type.meeting' + S } },
        },
      ],
    },
    'footnote-definition': {
      name: 'meta.footnote.definition' + S,
      begin: '^[ \\t]*(?:([' + SUPERSCRIPTS + ']+)|(<sup>)[ \\t]*([^<\\s]+)[ \\t]*(</sup>)|(\\[\\^)([^\\]\\s]+)(\\]:))(?=\\s|$)',
      end: '$',
      beginCaptures: {
        1: { name: 'constant.numeric.footnote.definition' + S },
        2: { name: 'punctuation.definition.tag' + S },
        3: { name: 'constant.numeric.footnote.definition' + S },
        4: { name: 'punctuation.definition.tag' + S },
        5: { name: 'punctuation.definition.footnote' + S },
        6: { name: 'constant.numeric.footnote.definition' + S },
        7: { name: 'punctuation.definition.footnote' + S },
      },
      patterns: [{ include: '#inline' }],
    },
    'operative-paragraph': {
      name: 'meta.paragraph.operative' + S,
      begin: '^[ \\t]*(' + NUMBER + ')(\\.)(?=[ \\t]|$)[ \\t]*',
      end: '$',
      beginCaptures: {
        1: { name: 'constant.numeric.paragraph-number' + S },
        2: { name: 'punctuation.separator.paragraph-number' + S },
      },
      patterns: [{ include: '#operative-opening' }, { include: '#inline' }],
    },
    'operative-opening': {
      patterns: [
        ...emphasised(
          // *Calls upon*, *Further calls* upon: the italic run that opens the paragraph (or **Decides**)
          '\\G(?=\\p{Lu})([^*_]+?)', 'entity.name.function.operative-verb' + S, '(?![\\p{L}\\p{N}*])',
        ),
        {
          // Calls upon (not italicised)
          match: '\\G(' + OPERATIVE_PHRASE + ')',
          captures: { 1: { name: 'entity.name.function.operative-verb' + S } },
        },
      ],
    },
    'unnumbered-operative': {
      // A single operative paragraph standing unnumbered: *Decides* to …
      name: 'meta.paragraph.operative' + S,
      begin: '^[ \\t]*(?=(\\*{1,2}|_)' + OPERATIVE_PHRASE + '\\1(?![\\p{L}\\p{N}*]))',
      end: '$',
      patterns: [{ include: '#operative-opening' }, { include: '#inline' }],
    },
    subparagraph: {
      name: 'meta.subparagraph' + S,
      begin: '^[ \\t]*(' + SUB_LABEL + ')(?=[ \\t])',
      end: '$',
      beginCaptures: { 1: { name: 'constant.numeric.subparagraph-label' + S } },
      patterns: [{ include: '#inline' }],
    },
    'preambular-paragraph': {
      name: 'meta.paragraph.preambular' + S,
      begin: '^[ \\t]*(?=(?:\\*{1,2}|_)?' + PREAMBULAR_PHRASE + ')',
      end: '$',
      patterns: [
        // *Recalling also* (or **Recalling also**)
        ...emphasised('\\G(' + PREAMBULAR_PHRASE + '[^*_]*?)', 'keyword.other.preambular' + S, '(?![\\p{L}\\p{N}*])'),
        {
          // *Taking note also of the *World …* (a stray star around the whole paragraph)
          match: '\\G(\\*{1,2}|_)?(' + PREAMBULAR_PHRASE + ')',
          captures: {
            1: { name: 'punctuation.definition.italic' + S },
            2: { name: 'keyword.other.preambular' + S },
          },
        },
        { include: '#inline' },
      ],
    },
    'list-item': {
      name: 'meta.list-item' + S,
      begin: '^[ \\t]*([-+*•])(?=[ \\t])',
      end: '$',
      beginCaptures: { 1: { name: 'punctuation.definition.list.begin' + S } },
      patterns: [{ include: '#inline' }],
    },

    // ---- inline constructs
    // ── negotiation texts: labels, brackets with / alternatives, status tags, notes, proposals ──
    'negotiation-label': {
      // PP1, OP3, OP5 bis, OP7 alt 2, **OP4.** at the start of a paragraph (after an opening bracket)
      name: 'meta.paragraph.negotiation' + S,
      begin: '^[ \\t]*(\\[)?[ \\t]*((?:\\*\\*)?(?:PP|OP)[ \\t]?\\d{1,3}(?:[ \\t]*(?:' + SUFFIXES.join('|') + '))?(?:[ \\t]*alt(?:[ \\t]*\\d{1,2})?)?[.:)]?(?:\\*\\*)?)(?=[ \\t]|$)[ \\t]*',
      end: '$',
      beginCaptures: {
        1: { name: 'punctuation.section.bracket.begin.negotiation' + S },
        2: { name: 'entity.name.tag.label.negotiation' + S },
      },
      patterns: [{ include: '#operative-opening' }, { include: '#inline' }],
    },
    'status-tag': {
      match: '(?i)[\\[(][ \\t]*(?:agreed ad ref(?:erendum)?\\.?|ad ref\\.?|agreed|pending|deleted|not agreed|under discussion)[ \\t]*[\\])]',
      name: 'keyword.other.status-tag.negotiation' + S,
    },
    'facilitator-note': {
      match: '[*_\\[(]?[ \\t]*(?:Co-?)?[Ff]acilitators?[\'’]?s?[\'’]?[ \\t]+[Nn]otes?[ \\t]*:[^*_\\])\\n]*[*_\\])]?',
      name: 'comment.line.facilitator-note.negotiation' + S,
    },
    proposal: {
      match: '[\\[(][ \\t]*((?:[A-Z][\\w.\'’&-]*)(?:(?:[ \\t]+and[ \\t]+|[ \\t]*[,/+&][ \\t]*|[ \\t]+)[A-Z][\\w.\'’&-]*){0,6})[ \\t]*:[^\\])\\n]*[\\])]',
      name: 'meta.proposal.negotiation' + S,
      captures: { 1: { name: 'entity.name.tag.delegation.negotiation' + S } },
    },
    'proposed-change': {
      patterns: [
        { match: '~~[^~\\n]+~~', name: 'markup.deleted.negotiation' + S },
        { match: '<(u|ins)>.*?</\\1>', name: 'markup.inserted.negotiation' + S },
      ],
    },
    bracket: {
      // [strongly], [shall / should], nested [[a] b / c]; not [^1], [text](url) or the front-matter line
      name: 'meta.bracket.negotiation' + S,
      begin: '\\[(?!\\^)(?![^\\]\\n]*\\]\\()(?!without reference to|on the report of)',
      end: '\\]|$',
      beginCaptures: { 0: { name: 'punctuation.section.bracket.begin.negotiation' + S } },
      endCaptures: { 0: { name: 'punctuation.section.bracket.end.negotiation' + S } },
      patterns: [
        { match: '[ \\t]/[ \\t]?|[ \\t]?/[ \\t]', name: 'punctuation.separator.alternative.negotiation' + S },
        { include: '#inline' },
      ],
    },
    inline: {
      patterns: [
        { include: '#comment' },
        { include: '#status-tag' },
        { include: '#facilitator-note' },
        { include: '#proposal' },
        { include: '#proposed-change' },
        { include: '#footnote-reference' },
        { include: '#citation' },
        { include: '#link' },
        { include: '#autolink' },
        { include: '#bold' },
        { include: '#italic' },
        { include: '#cross-reference' },
        { include: '#html-tag' },
        { include: '#bracket' },
      ],
    },
    'footnote-reference': {
      patterns: [
        {
          name: 'meta.footnote.reference' + S,
          match: '[' + SUPERSCRIPTS + ']+',
          captures: { 0: { name: 'constant.numeric.footnote.reference' + S } },
        },
        {
          name: 'meta.footnote.reference' + S,
          match: '(<sup>)[ \\t]*([^<\\s]+)[ \\t]*(</sup>)',
          captures: {
            1: { name: 'punctuation.definition.tag' + S },
            2: { name: 'constant.numeric.footnote.reference' + S },
            3: { name: 'punctuation.definition.tag' + S },
          },
        },
        {
          name: 'meta.footnote.reference' + S,
          match: '(\\[\\^)([^\\]\\s]+)(\\])(?!:)',
          captures: {
            1: { name: 'punctuation.definition.footnote' + S },
            2: { name: 'constant.numeric.footnote.reference' + S },
            3: { name: 'punctuation.definition.footnote' + S },
          },
        },
      ],
    },
    citation: {
      // resolution 70/1 of 25 September 2015 · resolutions [69/314](#) of 30 July 2015 · A/RES/75/311 · 1514 (XV)
      patterns: [
        {
          name: 'meta.citation' + S,
          match: '\\b((?i:resolutions?|decisions?))\\s+' + CITED + '(?:(\\s+of\\s+)(' + DATE + '))?',
          captures: {
            1: { name: 'keyword.other.citation' + S },
            ...CITED_CAPTURES(2),
            10: { name: 'constant.numeric.date' + S },
          },
        },
        {
          name: 'meta.citation' + S,
          match: CITED + '(?:(\\s+of\\s+)(' + DATE + '))?',
          captures: { ...CITED_CAPTURES(1), 9: { name: 'constant.numeric.date' + S } },
        },
      ],
    },
    link: {
      name: 'meta.link.inline' + S,
      match: '(\\[)([^\\[\\]]+)(\\])(\\()([^)\\s]*)(?:\\s+"[^"]*")?(\\))',
      captures: {
        1: { name: 'punctuation.definition.link.title.begin' + S },
        2: { name: 'string.other.link.title' + S },
        3: { name: 'punctuation.definition.link.title.end' + S },
        4: { name: 'punctuation.definition.link.begin' + S },
        5: { name: 'markup.underline.link' + S },
        6: { name: 'punctuation.definition.link.end' + S },
      },
    },
    autolink: {
      name: 'meta.link.auto' + S,
      match: '(<)((?:https?|mailto|ftp)://?[^>\\s]+)(>)',
      captures: {
        1: { name: 'punctuation.definition.link.begin' + S },
        2: { name: 'markup.underline.link' + S },
        3: { name: 'punctuation.definition.link.end' + S },
      },
    },
    bold: {
      name: 'markup.bold' + S,
      begin: '(?<![\\\\*])(\\*\\*|__)(?=[^\\s*_])',
      end: '(?<=[^\\s\\\\])(\\1)(?!\\*)|$',
      beginCaptures: { 1: { name: 'punctuation.definition.bold' + S } },
      endCaptures: { 1: { name: 'punctuation.definition.bold' + S } },
      patterns: [
        { include: '#comment' },
        { include: '#footnote-reference' },
        { include: '#citation' },
        { include: '#link' },
        { include: '#italic' },
      ],
    },
    italic: {
      name: 'markup.italic' + S,
      begin: '(?<![\\\\*\\p{L}\\p{N}])(\\*|_)(?=[^\\s*_])',
      end: '(?<=[^\\s\\\\])(\\1)(?![\\p{L}\\p{N}])|$',
      beginCaptures: { 1: { name: 'punctuation.definition.italic' + S } },
      endCaptures: { 1: { name: 'punctuation.definition.italic' + S } },
      patterns: [
        {
          // a further operative verb inside a paragraph: `*Urges* Parties and *invites* non-Parties`
          match: '\\G(' + OPERATIVE_PHRASE_LOWER + ')(?=\\*|_)',
          captures: { 1: { name: 'entity.name.function.operative-verb' + S } },
        },
        { include: '#comment' },
        { include: '#footnote-reference' },
        { include: '#citation' },
        { include: '#link' },
        { include: '#bold' },
      ],
    },
    'cross-reference': {
      // paragraph 5 above · paragraphs 3 and 4 · paragraph 5 (a) · paragraph 5 bis
      name: 'meta.cross-reference' + S,
      match:
        '\\b(paragraphs?)\\s+(' + NUMBER + '(?:\\s*\\([a-z]{1,4}\\))?' +
        '(?:(?:,\\s*|\\s+(?:and|to|or)\\s+)' + NUMBER + '(?:\\s*\\([a-z]{1,4}\\))?)*)' +
        '(?:\\s+(above|below))?\\b',
      captures: {
        1: { name: 'keyword.other.cross-reference' + S },
        2: { patterns: [{ match: NUMBER + '(?:\\s*\\([a-z]{1,4}\\))?', name: 'constant.numeric.paragraph-reference' + S }] },
        3: { name: 'keyword.other.direction' + S },
      },
    },
    'html-tag': {
      name: 'meta.tag.inline' + S,
      match: '(</?)([A-Za-z][A-Za-z0-9-]*)((?:\\s+[^>]*)?)(/?>)',
      captures: {
        1: { name: 'punctuation.definition.tag.begin' + S },
        2: { name: 'entity.name.tag' + S },
        3: { patterns: [{ match: '[A-Za-z-]+(?==)', name: 'entity.other.attribute-name' + S }, { match: '"[^"]*"|\'[^\']*\'', name: 'string.quoted' + S }] },
        4: { name: 'punctuation.definition.tag.end' + S },
      },
    },
  };

  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'Resolution',
    scopeName: 'text.resolution',
    comment: 'Generated by syntaxes/build-grammar.js; edit that file and run `node syntaxes/build-grammar.js`.',
    patterns: [
      { include: '#comment' },
      { include: '#heading' },
      { include: '#separator' },
      { include: '#authority-line' },
      { include: '#meeting-line' },
      { include: '#footnote-definition' },
      { include: '#title' },
      { include: '#annex' },
      { include: '#negotiation-label' },
      { include: '#operative-paragraph' },
      { include: '#subparagraph' },
      { include: '#preambular-paragraph' },
      { include: '#unnumbered-operative' },
      { include: '#list-item' },
      { include: '#inline' },
    ],
    repository,
  };
}

function render() {
  return JSON.stringify(buildGrammar(), null, 2) + '\n';
}

const OUT = path.join(__dirname, 'resolution.tmLanguage.json');

module.exports = { buildGrammar, render, OUT, PREAMBULAR_HEADS, OPERATIVE_HEADS };

if (require.main === module) {
  const text = render();
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(OUT) ? fs.readFileSync(OUT, 'utf8') : '';
    if (current !== text) {
      console.error('syntaxes/resolution.tmLanguage.json is out of date: run node syntaxes/build-grammar.js');
      process.exit(1);
    }
    console.log('grammar up to date');
  } else {
    fs.writeFileSync(OUT, text);
    console.log('wrote ' + path.relative(process.cwd(), OUT));
  }
}
