/**
 * A refusal the clerk (or a station, or a console user) should read: English code, Chinese
 * message, and for the console's API the HTTP status (400 when not given).
 */
export class ClerkError extends Error {
  constructor(
    readonly code: string,
    readonly chinese: string,
    readonly status?: number,
  ) {
    super(`${code}: ${chinese}`);
    this.name = 'ClerkError';
  }
}
