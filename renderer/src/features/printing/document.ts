/**
 * The shape every printed form produces: a sequence of segments that the paginator
 * (./paginate.ts) lays out on A4 sheets. Blocks never split. Tables split between rows
 * and repeat their header row on each sheet they continue on; a row whose text does not
 * fit splits between two lines of its text, the rest continuing on the next sheet under
 * the header again, with a 续 marker in the row's fixed cells.
 *
 * Rows are data (cells of text), not ready-made DOM, because a split row is drawn twice
 * from the same cells, each time with a slice of the text.
 */
import type { ReactNode } from 'react';

export type Orientation = 'portrait' | 'landscape';

/** A paragraph of a text cell: an optional label that starts its first line, then the text. */
export interface TextPart {
  text: string;
  label?: string;
  /** Shown when the text is empty, so a blank cell still says why. */
  empty?: string;
}

export interface CellSpec {
  /** A label cell (<th>) rather than a value cell (<td>). */
  header?: boolean;
  colSpan?: number;
  className?: string;
  /** Text that may be split between sheets, line by line. */
  text?: TextPart[];
  /** Fixed content, never split: drawn whole on the first part of the row. */
  content?: ReactNode;
  /** What fixed content becomes on the continued parts of a split row (default: nothing). */
  continued?: ReactNode;
}

export interface TableRowSpec {
  key: string;
  className?: string;
  cells: CellSpec[];
}

export type SegmentSpec =
  | {
      kind: 'block';
      key: string;
      node: ReactNode;
      /** A section title: never left at the foot of a sheet without the start of what follows. */
      keepWithNext?: boolean;
      /** A sign-off (totals, signatures, seal): never on a sheet without at least the last row of the table before it. */
      keepWithPrevious?: boolean;
    }
  | {
      kind: 'table';
      key: string;
      className?: string;
      /** Column widths: tables use table-layout: fixed so a row's height does not depend on other rows. */
      columns: string[];
      /** <tr> of the header, repeated on every sheet; null for a table without header. */
      head: ReactNode | null;
      rows: TableRowSpec[];
    };

export interface PrintDocument {
  key: string;
  orientation: Orientation;
  /**
   * The form and its number (e.g. 问题清单 〔2026〕第7号): printed in every sheet's footer
   * and at the top of every sheet after the first, so a detached sheet still says what it belongs to.
   */
  reference: string;
  segments: SegmentSpec[];
}
