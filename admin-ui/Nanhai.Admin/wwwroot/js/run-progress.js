// Keeps an ingestion run's page current while the run is in progress: polls the page's Progress handler every two
// seconds, updates the figures in place (announced politely to screen readers) and reloads once the run has ended, so
// its report appears. Without JavaScript the page still shows the state it was loaded with.
(() => {
    const panel = document.querySelector("[data-run-progress]");
    const url = panel?.dataset.runProgress;
    if (!url) return;
    const bar = panel.querySelector("progress");
    const tick = async () => {
        let ended = false;
        try {
            const response = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
            if (!response.ok) return;
            const run = await response.json();
            if (!run.inProgress) { ended = true; location.reload(); return; }
            bar.value = run.progress;
            bar.textContent = Math.round(run.progress * 100) + "%";
            for (const field of ["status", "rowsRead", "rowsAccepted", "rowsRejected"]) {
                const element = panel.querySelector(`[data-field="${field}"]`);
                if (element) element.textContent = run[field];
            }
        } finally {
            if (!ended) setTimeout(tick, 2000);
        }
    };
    setTimeout(tick, 2000);
})();
