import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

/**
 * A page opened before an upgrade asks for parts of the app (its screens are loaded as they are
 * first opened) that the new build no longer has: the page is loaded again, once, to get the new
 * build, rather than showing an error the app's own refresh cannot clear.
 */
const RELOADED_AT = 'tracker.reloadedForNewBuild';
window.addEventListener('vite:preloadError', (event) => {
  const last = Number(sessionStorage.getItem(RELOADED_AT) ?? 0);
  if (Date.now() - last < 60_000) return;
  event.preventDefault();
  sessionStorage.setItem(RELOADED_AT, String(Date.now()));
  window.location.reload();
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
