import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { installAutosaveLifecycle } from './api/autosave';
import { parseRoute } from './router';
import { meetingStore } from './features/workspace/store';
import './styles/app.css';

installAutosaveLifecycle();
// Opening a meeting directly: fetch it while React starts.
const initial = parseRoute(window.location.hash);
if (initial.name === 'meeting') void meetingStore(initial.meetingId).load(true);
document.documentElement.lang = localStorage.getItem('justera.lang') === 'en' ? 'en' : 'sv';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
