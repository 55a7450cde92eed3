import type { Migration } from './types';
import { migration001 } from './001-app-and-profile';
import { migration002 } from './002-criteria-sets';

/** Every migration, in order. Append only: a shipped migration is never edited. */
export const migrations: readonly Migration[] = [migration001, migration002];

export const LATEST_SCHEMA_VERSION = migrations.length;
