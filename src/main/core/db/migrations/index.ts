import type { Migration } from './types';
import { migration001 } from './001-app-and-profile';
import { migration002 } from './002-criteria-sets';
import { migration004 } from './004-assessments';
// TEMP-003: placeholder until the evidence migration lands
const migration003temp = { version: 3, name: 'temp', up() {} };

/** Every migration, in order. Append only: a shipped migration is never edited. */
export const migrations: readonly Migration[] = [migration001, migration002, migration003temp, migration004];

export const LATEST_SCHEMA_VERSION = migrations.length;
