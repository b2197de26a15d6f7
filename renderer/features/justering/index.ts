// The justering feature: what the app's router, menu and other pages need.
export { JusteringPage } from './JusteringPage';
export { PackagePage } from './PackagePage';
export { SettingsPage } from './SettingsPage';
export { justeringStrings } from './strings';
