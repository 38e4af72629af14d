/** Errors that carry a message meant for the station (e.g. a sealed issue) show it as is. */
export function userMessageOf(error: unknown, fallback: string): string {
  if (error && typeof error === 'object' && 'userMessage' in error) {
    const message = error.userMessage;
    if (typeof message === 'string' && message) return message;
  }
  return fallback;
}
