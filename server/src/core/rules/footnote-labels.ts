/**
 * What the footnote checks ask of the labels of a document's markers and definitions (which labels
 * there are, which definition repeats one, where the first references leave the order 1, 2, 3 …),
 * worked out once per sequence of labels: the next version of an edited draft most often has the
 * same labels in the same order, and then shares the answers after one comparison per label.
 */
import type { ResolutionDocument } from '../model';

const DIGITS_RE = /^\d+$/;

/** The answers for one sequence of labels, each made when first asked. */
export class Labels {
  private set?: Set<string>;
  private repeats?: Int32Array;
  private order?: { index: number; expected: number } | null;
  constructor(readonly labels: readonly string[]) {}

  /** Every label of the sequence. */
  all(): ReadonlySet<string> {
    return (this.set ??= new Set(this.labels));
  }

  /** Pairs (i, j): item i has the label of item j < i, the first with it. */
  repeated(): Int32Array {
    if (!this.repeats) {
      const first = new Map<string, number>();
      const out: number[] = [];
      this.labels.forEach((label, i) => {
        const j = first.get(label);
        if (j === undefined) first.set(label, i);
        else out.push(i, j);
      });
      this.repeats = Int32Array.from(out);
    }
    return this.repeats;
  }

  /** The first item whose numeric label, met for the first time, is not the next number (and that number), if any. */
  outOfOrder(): { index: number; expected: number } | undefined {
    if (this.order === undefined) {
      this.order = null;
      const seen = new Set<string>();
      let expected = 1;
      for (let i = 0; i < this.labels.length; i++) {
        const label = this.labels[i];
        if (!DIGITS_RE.test(label) || seen.has(label)) continue;
        seen.add(label);
        if (Number(label) !== expected) {
          this.order = { index: i, expected };
          break;
        }
        expected++;
      }
    }
    return this.order ?? undefined;
  }
}

function sameLabels(items: ReadonlyArray<{ label: string }>, labels: readonly string[]): boolean {
  if (items.length !== labels.length) return false;
  for (let i = 0; i < items.length; i++) if (items[i].label !== labels[i]) return false;
  return true;
}

let last: { doc: ResolutionDocument; markers: Labels; definitions: Labels } | undefined;

function labelsOf(doc: ResolutionDocument): { markers: Labels; definitions: Labels } {
  if (last?.doc === doc) return last;
  const markers =
    last && sameLabels(doc.footnoteMarkers, last.markers.labels) ? last.markers : new Labels(doc.footnoteMarkers.map((m) => m.label));
  const definitions =
    last && sameLabels(doc.footnoteDefinitions, last.definitions.labels)
      ? last.definitions
      : new Labels(doc.footnoteDefinitions.map((d) => d.label));
  last = { doc, markers, definitions };
  return last;
}

/** The labels of the document's footnote markers (doc.footnoteMarkers, in that order). */
export function markerLabels(doc: ResolutionDocument): Labels {
  return labelsOf(doc).markers;
}

/** The labels of the document's footnote definitions (doc.footnoteDefinitions, in that order). */
export function definitionLabels(doc: ResolutionDocument): Labels {
  return labelsOf(doc).definitions;
}
