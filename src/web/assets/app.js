// Progressive enhancement only: every page works without this script.
import { initAll } from './govuk-frontend.min.js';

initAll();

// Import status: follow progress without reloading by hand.
const progress = document.getElementById('import-progress');
if (progress) {
  const url = progress.getAttribute('data-status-url');
  const rows = progress.querySelector('[data-rows]');
  const poll = async () => {
    try {
      const response = await fetch(url, { headers: { accept: 'application/json' } });
      const status = await response.json();
      if (rows) rows.textContent = Number(status.rows).toLocaleString('en-GB');
      if (status.done) {
        window.location.reload();
        return;
      }
    } catch {
      // Keep the page as it is; the refresh link still works.
    }
    setTimeout(poll, 1500);
  };
  setTimeout(poll, 1500);
}
