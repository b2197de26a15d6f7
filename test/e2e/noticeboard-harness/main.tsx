// Test harness: the clerk's feature alone, in the app's style, until it is linked into the
// app's router (test/e2e/noticeboard-clerk.spec.ts builds this with Vite).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AnslagPage } from '../../../renderer/features/anslag';
import '../../../renderer/styles/app.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <main id="main" tabIndex={-1}>
        <AnslagPage />
      </main>
    </StrictMode>,
  );
}
