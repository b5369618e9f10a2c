/**
 * Saves bytes fetched with the Bearer token (a plain link cannot send it) through a blob URL
 * and <a download>.
 */
export function saveFile(blob: Blob, file: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = file;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
