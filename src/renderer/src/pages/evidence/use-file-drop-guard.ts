import { useEffect } from 'react';

/**
 * A file dropped beside the evidence panel must not replace the app with the file (what a browser
 * tab does by default; Electron already has navigateOnDragDrop off). Drop zones handle their own
 * events first, so this only catches drops that land elsewhere.
 */
export function useFileDropGuard(): void {
  useEffect(() => {
    const stop = (e: DragEvent) => {
      if (e.dataTransfer && Array.from(e.dataTransfer.types).includes('Files')) e.preventDefault();
    };
    window.addEventListener('dragover', stop);
    window.addEventListener('drop', stop);
    return () => {
      window.removeEventListener('dragover', stop);
      window.removeEventListener('drop', stop);
    };
  }, []);
}
