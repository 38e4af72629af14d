/** A refusal the clerk (or a station) should read: English code, Chinese message. */
export class ClerkError extends Error {
  constructor(
    readonly code: string,
    readonly chinese: string,
  ) {
    super(`${code}: ${chinese}`);
    this.name = 'ClerkError';
  }
}
