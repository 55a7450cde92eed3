import type { Migration } from './types';
import { migration001 } from './001-app-and-profile';
import { migration002 } from './002-criteria-sets';
import { migration003 } from './003-evidence';
import { migration004 } from './004-assessments';
import { migration005 } from './005-accounts';
import { migration006 } from './006-reports';
import { migration007 } from './007-review';
import { migration008 } from './008-audit-chain-end';
import { migration009 } from './009-review-drafts';
import { migration010 } from './010-appraisal';
import { migration011 } from './011-plan-and-report-sending';
import { migration012 } from './012-set-switch-and-suggestions';

/** Every migration, in order. Append only: a shipped migration is never edited. */
export const migrations: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008, migration009, migration010, migration011, migration012];

export const LATEST_SCHEMA_VERSION = migrations.length;
