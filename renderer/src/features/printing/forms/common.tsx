/** Pieces shared by the printed forms: title, meta line, labels, cells, signature and seal areas. */
import type { ReactNode } from 'react';
import { dayKeyOfIso, formatChineseDate, formatTime } from '../../../../../shared/domain/time';
import type { CellSpec, TextPart } from '../document';

/** 2026年3月1日 09:20 */
export function chineseDateTime(iso: string): string {
  return `${formatChineseDate(dayKeyOfIso(iso))} ${formatTime(iso)}`;
}

export function chineseDateOfIso(iso: string): string {
  return formatChineseDate(dayKeyOfIso(iso));
}

/**
 * A label that breaks only between its words: '建议|承办单位' may wrap after 建议, never
 * inside 承办单位 (so no 建议承办单/位). Each word is one unbreakable span.
 */
export function Words({ text }: { text: string }) {
  return text.split('|').map((word, i) => (
    <span key={i} className="word">
      {word}
    </span>
  ));
}

/** The label as plain text, for places that print it in one piece. */
export const plain = (label: string) => label.replace(/\|/g, '');

/** A label cell (<th>); on the continued part of a split row it reads e.g. 具体诉求(续). */
export function labelCell(label: string, extra: Partial<CellSpec> = {}): CellSpec {
  return { header: true, content: <Words text={label} />, continued: <Words text={`${label}|（续）`} />, ...extra };
}

/** A text cell that may split between sheets. */
export function textCell(value: string | null | undefined, extra: Partial<CellSpec> & { empty?: string } = {}): CellSpec {
  const { empty, ...rest } = extra;
  const part: TextPart = { text: value?.trim() ? value : '' };
  if (empty) part.empty = empty;
  return { text: [part], ...rest };
}

/** A fixed cell: short content that never splits (序号, 办理方式, status). */
export function fixedCell(content: ReactNode, extra: Partial<CellSpec> = {}): CellSpec {
  return { content, ...extra };
}

export function FormTitle({ title, station, sub }: { title: string; station: string; sub?: ReactNode }) {
  return (
    <header className="form-title">
      <div className="form-station">{station}</div>
      <h1>{title}</h1>
      {sub ? <div className="form-sub">{sub}</div> : null}
    </header>
  );
}

/** A line of "label:value" pairs spread over the width, e.g. number and date. */
export function MetaLine({ items }: { items: [string, ReactNode][] }) {
  return (
    <div className="form-meta">
      {items.map(([label, value]) => (
        <span key={label} className="meta-item">
          {label}：{value}
        </span>
      ))}
    </div>
  );
}

/** A blank to fill in by hand. */
export function Blank({ size = 'wide' }: { size?: 'wide' | 'short' | 'tiny' }) {
  return <span className={`blank ${size}`} />;
}

/** ____年__月__日, filled in by hand. */
export function BlankDate() {
  return (
    <span className="signature">
      <Blank size="short" />年<Blank size="tiny" />月<Blank size="tiny" />日
    </span>
  );
}

/** "接待代表(签字):______" lines and a blank date to fill in by hand. */
export function SignatureLines({ labels, withDate = true }: { labels: string[]; withDate?: boolean }) {
  return (
    <div className="form-signatures">
      {labels.map((label) => (
        <span key={label} className="signature">
          {label}（签字）：<Blank />
        </span>
      ))}
      {withDate ? (
        <span className="signature">
          日期：
          <BlankDate />
        </span>
      ) : null}
    </div>
  );
}

/** The space the stamp goes in, with its label: seals are pressed, never printed. */
export function SealArea({ label }: { label: string }) {
  return (
    <div className="seal-area">
      <span className="seal-label">{label}（盖章）</span>
    </div>
  );
}

/** Multi-line text with a placeholder for empty values, so blank cells stay ruled. */
export function Text({ value, empty = '' }: { value: string | null | undefined; empty?: string }) {
  const text = value && value.trim() !== '' ? value : empty;
  return <span className="pre">{text}</span>;
}
