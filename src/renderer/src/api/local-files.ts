declare global {
  interface Window {
    /** Only in the desktop window (the preload): see src/preload/index.ts. */
    localFiles?: { grant(files: File[]): Promise<(string | null)[] | null> };
  }
}

/**
 * A one-time grant for main to read `file` where it lies, when the desktop window can give one
 * (a file the officer picked or dropped); null in a browser, where files go by chunked upload.
 */
export async function localFileGrant(file: File): Promise<string | null> {
  if (!window.localFiles) return null;
  try {
    const tokens = await window.localFiles.grant([file]);
    return tokens?.[0] ?? null;
  } catch {
    return null;
  }
}
