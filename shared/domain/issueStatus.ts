/** Initial status of an issue from its handling mode. */
import type { HandlingMode, IssueStatus } from './enums';

export function initialStatus(handling: HandlingMode): IssueStatus {
  return handling === 'onSpot' ? 'resolvedOnSpot' : 'recorded';
}
