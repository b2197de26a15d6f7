// The pdf.js worker, bundled by Vite into a same-origin script (the CSP allows scripts and
// workers only from 'self'): pdf.js parses the preview PDF here, off the UI thread.
import 'pdfjs-dist/build/pdf.worker.min.mjs';
