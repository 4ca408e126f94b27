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
    // The stream's list may be up to a second older than the page (it is shared and reused), so only a record written
    // after the one the page shows is news; an older one differing from the page is the past, not a change.
    // The digits after the millisecond as well, so two writes within one millisecond still order.
    const subMs = iso => Number(((/\.\d{3}(\d*)/.exec(iso) ?? [])[1] ?? '').padEnd(4, '0').slice(0, 4));
    const newer = p => {
        if (p.updatedAt == null) return false;
        const a = Date.parse(p.updatedAt), b = Date.parse(shown.updated);
        return a > b || (a === b && subMs(p.updatedAt) > subMs(shown.updated));
    };
    let reloading = false;
    const check = list => {
        const f = list.find(x => x.printer.id === shown.printer);
        // Not while the owner is ticking a box or typing: their form would be lost.
        if (reloading || !f || !newer(f.printer) || !changed(f.printer) || document.querySelector('form.action input[name=confirm]:checked')) return;
        // Once per page, with the stream closed first, so no event arrives while the new page loads.
        reloading = true;
        live.close();
        location.reload();
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
