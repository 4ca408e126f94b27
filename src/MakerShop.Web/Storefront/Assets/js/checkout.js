// Progressive enhancement for the checkout form; without it the form works the same, one button press at a time.
(() => {
    const form = document.querySelector('form[data-checkout]');
    if (!form) return;
    // A different shipping option changes the total: recompute it at once (the server's total, never one computed here).
    for (const radio of form.querySelectorAll('[data-autosubmit-radio]')) {
        radio.addEventListener('change', () => form.requestSubmit());
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
