/**
 * The shape every printed form produces: a sequence of segments that the paginator
 * (./paginate.ts) lays out on A4 sheets. Blocks never split; tables split between rows
 * and repeat their header row on each sheet they continue on.
 */
import type { ReactNode } from 'react';

export type Orientation = 'portrait' | 'landscape';

export interface TableRowSpec {
  key: string;
  /** One <tr>. */
  node: ReactNode;
}

export type SegmentSpec =
  | {
      kind: 'block';
      key: string;
      node: ReactNode;
      /** A section title: never left at the foot of a sheet without the start of what follows. */
      keepWithNext?: boolean;
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
  segments: SegmentSpec[];
}
