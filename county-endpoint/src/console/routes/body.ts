/** A console request's JSON body as a plain record (anything else reads as empty: the stores then refuse the missing fields). */
import type { FastifyRequest } from 'fastify';

export function bodyOf(request: FastifyRequest): Record<string, unknown> {
  const b = request.body;
  return typeof b === 'object' && b !== null && !Array.isArray(b) ? (b as Record<string, unknown>) : {};
}

/** A route parameter by name ('' when absent). */
export function paramOf(request: FastifyRequest, name: string): string {
  const p = request.params as Record<string, unknown> | undefined;
  const v = p?.[name];
  return typeof v === 'string' ? v : '';
}
