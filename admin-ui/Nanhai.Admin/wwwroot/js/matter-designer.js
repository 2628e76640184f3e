// The matter designer's page: keeps the form preview current while the form builder is edited (the server draws it from
// the JSON Schema the builder makes, with the same partial as on page load), shows each field only the settings of its
// type, and puts the focus back where a row command (add, move, remove) left off. Without JavaScript the page still works:
// every setting is shown, and the preview is redrawn whenever the form is posted.
(() => {
    const form = document.getElementById("matter-form");
    if (!form) return;
    const builder = document.getElementById("form-builder");
    const preview = document.getElementById("form-preview");
    const status = document.getElementById("preview-status");

    let timer;
    let pending;
    const refresh = async () => {
        pending?.abort();
        pending = new AbortController();
        try {
            const response = await fetch(form.dataset.preview, {
                method: "POST", body: new FormData(form), credentials: "same-origin", signal: pending.signal,
            });
            if (!response.ok) throw new Error(response.statusText);
            preview.innerHTML = await response.text();
            status.textContent = "";
        } catch (error) {
            if (error.name !== "AbortError") status.textContent = "预览暂时无法更新";
        }
    };
    const schedule = event => {
        if (!builder.contains(event.target)) return;
        clearTimeout(timer);
        timer = setTimeout(refresh, 300);
    };
    form.addEventListener("input", schedule);
    form.addEventListener("change", schedule);

    const showSettingsOfType = row => {
        const type = row.querySelector("[data-field-type]").value;
        for (const setting of row.querySelectorAll("[data-types]"))
            setting.hidden = !setting.dataset.types.split(" ").includes(type);
    };
    for (const row of form.querySelectorAll("[data-field-row]")) {
        showSettingsOfType(row);
        row.querySelector("[data-field-type]").addEventListener("change", () => showSettingsOfType(row));
    }

    if (form.dataset.focus) document.getElementById(form.dataset.focus)?.focus();
})();
