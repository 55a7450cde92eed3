import type { Db } from './open';

/**
 * State kept in memory for each open database (uploads in progress, grants, imports): the app,
 * each test and the CLI open their own, and must not see each other's. Made on first use,
 * forgotten with the database object.
 */
export function perDatabase<T>(create: () => T): (db: Db) => T {
  const states = new WeakMap<Db, T>();
  return (db) => {
    let state = states.get(db);
    if (state === undefined) {
      state = create();
      states.set(db, state);
    }
    return state;
  };
}
