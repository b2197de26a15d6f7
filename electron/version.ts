// The app's name and version, read once from package.json at build time by the bundler.
import pkg from '../package.json' with { type: 'json' };

export const APP_NAME = 'Justera';
export const APP_VERSION: string = pkg.version;
