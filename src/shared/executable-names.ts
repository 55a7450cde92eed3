/**
 * File types the system would run rather than show: handing one to the system's opener executes
 * it (a .exe attached as "tài liệu kiểm chứng", or a script named to look like a PDF). The app
 * never opens these; it offers to show the file in its folder instead. Pure: the renderer uses
 * the same list to offer the right button.
 */
const EXECUTABLE_EXTENSIONS = new Set([
  // Windows programs, installers, shortcuts and scripts
  'exe', 'com', 'scr', 'pif', 'cpl', 'msi', 'msp', 'mst', 'msc', 'lnk', 'url', 'scf', 'inf', 'reg',
  'bat', 'cmd', 'hta', 'js', 'jse', 'vbs', 'vbe', 'wsf', 'wsh', 'wsc', 'ps1', 'psm1', 'psd1',
  'chm', 'jar', 'application', 'gadget', 'appref-ms', 'dll', 'sys',
  // macOS and Linux
  'app', 'command', 'pkg', 'sh', 'bash', 'desktop', 'appimage', 'run', 'deb', 'rpm',
]);

/** The lower-case extension of a name ("Bao cao.PDF.exe" → "exe"), or "". */
function extensionOf(name: string): string {
  const m = /\.([^.\\/]+)$/.exec(name.trim());
  return m ? m[1]!.toLowerCase() : '';
}

export function isExecutableName(name: string): boolean {
  return EXECUTABLE_EXTENSIONS.has(extensionOf(name));
}
