// The owner's printer page: a second, explicit question before any command (the checkbox already asks without
// JavaScript), times in the reader's own zone, and a fresh page when the printer's state changes, so the commands
// shown are always the ones its new state allows.
(() => {
    for (const form of document.querySelectorAll('form.action[data-confirm]')) {
        form.addEventListener('submit', e => { if (!confirm(form.dataset.confirm)) e.preventDefault(); });
    }
    const facts = document.querySelector('[data-testid=printer][data-live]');
    if (!facts || !window.EventSource) return;
    const lang = document.documentElement.lang || undefined;
    const clock = new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit' });
    for (const t of document.querySelectorAll('.eta time')) t.textContent = t.textContent.replace(/\d{1,2}[:.h]\d{2}(\s?[AP]M)?\s?UTC/, clock.format(new Date(t.dateTime)));
    const shown = facts.dataset;
    const changed = p => p.status !== shown.status || (p.currentJobId ?? '') !== shown.job
        || String(p.bedClear) !== shown.bedClear.toLowerCase() || String(p.inService) !== shown.inService.toLowerCase();
    const check = list => {
        const f = list.find(x => x.printer.id === shown.printer);
        // Not while the owner is ticking a box or typing: their form would be lost.
        if (f && changed(f.printer) && !document.querySelector('form.action input[name=confirm]:checked')) location.reload();
    };
    const live = new EventSource(facts.dataset.live);
    live.addEventListener('printers', e => check(JSON.parse(e.data)));
    live.addEventListener('printer', e => check(JSON.parse(e.data)));
    // Progress between two state changes comes with the readings.
    live.addEventListener('telemetry', e => {
        for (const r of JSON.parse(e.data)) {
            if (r.id !== shown.printer || r.jobId == null || r.jobId !== shown.job || r.progress == null) continue;
            const pc = Math.floor(Math.min(1, Math.max(0, r.progress)) * 100);
            const bar = document.querySelector('.meter progress'); if (bar) bar.value = pc;
            const text = document.querySelector('.meter .percent'); if (text) text.textContent = pc + ' %';
        }
    });
})();
