/**
 * Reads a chosen file (or a slice of one, for chunked uploads) as base64 for the channels that
 * take file content (import, upload).
 */
export function readFileAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('Không đọc được tệp.'));
    reader.readAsDataURL(file);
  });
}

/** The bytes of base64 content that came back from main (a generated document, a preview). */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Hands a generated file to the user: Electron shows a save dialog, a browser saves a download. */
export function saveBase64File(fileName: string, contentBase64: string, mime = 'application/octet-stream'): void {
  const url = URL.createObjectURL(new Blob([base64ToBytes(contentBase64)], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
