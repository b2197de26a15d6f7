// Whether a folder path typed by a user is complete ("/srv/www", "C:\www", "C:/www",
// "\\server\share\…"), never relative to wherever the back end happens to run.
export function isAbsolutePath(path: string): boolean {
  return /^(?:\/|[A-Za-z]:[\\/]|\\\\[^\\]+\\[^\\]+)/.test(path);
}
