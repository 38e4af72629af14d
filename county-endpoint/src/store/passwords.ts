/**
 * Password hashing: Argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane),
 * stored as the PHC string so the parameters can be raised later without a migration.
 */
import { hash, verify } from '@node-rs/argon2';

const OPTIONS = { algorithm: 2 /* Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false; // a malformed stored hash never opens an account
  }
}

/**
 * Checked when the user name is unknown, so a wrong name costs as long as a wrong password
 * and the answer's timing does not tell which names exist.
 */
let dummy: Promise<string> | null = null;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummy ??= hashPassword('county-console-unknown-user');
  await verifyPassword(await dummy, password);
}
