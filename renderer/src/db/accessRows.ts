/** Stored shapes of the access tables (schema v9). Only the db layer sees a PIN hash. */
import type { AccessSettings } from '../../../shared/domain/access';

/** scrypt parameters are stored with each hash, so they can be raised for new PINs later. */
export interface PinHash {
  algo: 'scrypt';
  N: number;
  r: number;
  p: number;
  /** hex */
  salt: string;
  /** hex */
  hash: string;
}

export interface StaffRow {
  id: string;
  name: string;
  pin: PinHash;
  active: boolean;
  createdAt: string;
  updatedAt: string;
  /** Wrong PINs in a row since the last right one. */
  failures: number;
  /** When the last wrong PIN was typed (the retry delay counts from it). */
  lastFailureAt: string | null;
}

export interface AccessSettingsRow {
  key: 'access';
  value: AccessSettings;
}
