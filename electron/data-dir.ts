// Where Justera keeps its data when no --data-dir/--db is given: the same folder Electron's
// app.getPath('userData') uses for an app named "Justera", so the web host and the app agree.
import { homedir, platform } from 'node:os';
import { join } from 'node:path';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, os: NodeJS.Platform = platform(), home = homedir()): string {
  if (env.JUSTERA_DATA_DIR) return env.JUSTERA_DATA_DIR;
  switch (os) {
    case 'win32':
      return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Justera');
    case 'darwin':
      return join(home, 'Library', 'Application Support', 'Justera');
    default:
      return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Justera');
  }
}
