/**
 * Escaping of corpus text for hover Markdown: nothing from the corpus may become a link, an
 * image, a command, HTML or formatting.
 */

/** Escapes `text` so that Markdown renders it literally. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()#+\-.!|~]/g, (c) => '\\' + c)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\b([a-z][a-z0-9+.-]*):(?=\S)/gi, '$1\u200b:') // no scheme (https:, command:) stays intact
    .replace(/\bwww\./gi, 'www\u200b.')
    .replace(/\r?\n/g, ' ');
}
