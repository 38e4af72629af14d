/** 三色 shown as a coloured mark AND a word, so it never depends on colour alone. */
import type { Colour } from './types';
import { W } from './strings';

export function ColourBadge({ colour }: { colour: Colour | null }) {
  if (!colour) return <span className="muted">{W.common.none}</span>;
  return (
    <span className={`colour colour-${colour}`} title={W.colourHint[colour]}>
      <span className="colour-dot" aria-hidden="true" />
      {W.colour[colour]}
    </span>
  );
}
