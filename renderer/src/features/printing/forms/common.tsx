/** Pieces shared by the printed forms: title, meta line, signature and seal areas. */
import type { ReactNode } from 'react';
import { dayKeyOfIso, formatChineseDate, formatTime } from '../../../../../shared/domain/time';

/** 2026年3月1日 09:20 */
export function chineseDateTime(iso: string): string {
  return `${formatChineseDate(dayKeyOfIso(iso))} ${formatTime(iso)}`;
}

export function chineseDateOfIso(iso: string): string {
  return formatChineseDate(dayKeyOfIso(iso));
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
        <span key={label}>
          {label}:{value}
        </span>
      ))}
    </div>
  );
}

/** "接待代表(签字):______" lines and a blank date to fill in by hand. */
export function SignatureLines({ labels, withDate = true }: { labels: string[]; withDate?: boolean }) {
  return (
    <div className="form-signatures">
      {labels.map((label) => (
        <span key={label} className="signature">
          {label}(签字):<span className="blank wide" />
        </span>
      ))}
      {withDate ? (
        <span className="signature">
          日期:<span className="blank short" />年<span className="blank tiny" />月<span className="blank tiny" />日
        </span>
      ) : null}
    </div>
  );
}

/** The space the stamp goes in, with its label: seals are pressed, never printed. */
export function SealArea({ label }: { label: string }) {
  return (
    <div className="seal-area">
      <span className="seal-label">{label}(盖章)</span>
    </div>
  );
}

/** Multi-line text with a placeholder for empty values, so blank cells stay ruled. */
export function Text({ value, empty = '' }: { value: string | null | undefined; empty?: string }) {
  const text = value && value.trim() !== '' ? value : empty;
  return <span className="pre">{text}</span>;
}
