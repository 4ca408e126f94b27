// Progressive enhancement for the checkout form; without it the form works the same, one button press at a time.
(() => {
    const form = document.querySelector('form[data-checkout]');
    if (!form) return;
    // Another country or shipping option changes the total: ask the server for it at once (never computed here). The
    // form is sent as "update totals" without the browser's required-field check, as the rest may not be filled in yet.
    for (const input of form.querySelectorAll('[data-review-on-change]')) {
        input.addEventListener('change', () => form.submit());
    }
    // A second click on "place order" while the first is on its way does nothing here; the server would answer it
    // with the same order anyway (the form's token makes the submission idempotent).
    form.addEventListener('submit', event => {
        const button = event.submitter;
        if (!button || !button.dataset.placing) return;
        if (form.dataset.submitting) { event.preventDefault(); return; }
        form.dataset.submitting = 'true';
        setTimeout(() => { button.disabled = true; button.textContent = button.dataset.placing; }, 0);
    });
})();
