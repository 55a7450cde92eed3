/**
 * An async function whose module is imported on its first call, not when the app starts. For the
 * document libraries (exceljs, docx, jszip and the writers and readers built on them): together
 * about 50 MB of the browser host's memory and part of its start-up, paid by every run although
 * most runs make no document (issue 12: the host started at 121 MB; measured in
 * bench/upload.bench.ts). Callers already await these functions, so nothing else changes; a
 * module that fails to load rejects the call like any other error.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any function type: the parameters are the loaded function's own
export function loadOnFirstCall<F extends (...args: any[]) => Promise<unknown>>(load: () => Promise<F>): (...args: Parameters<F>) => ReturnType<F> {
  let loaded: Promise<F> | null = null;
  const call = async (...args: Parameters<F>): Promise<unknown> => {
    loaded ??= load().catch((error: unknown): F => {
      // A later call tries again (a file locked for a moment by antivirus, say).
      loaded = null;
      throw error;
    });
    return (await loaded)(...args);
  };
  return call as (...args: Parameters<F>) => ReturnType<F>;
}
