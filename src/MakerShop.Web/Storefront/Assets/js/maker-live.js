// Keeps the maker's printer grid current from /maker/live (Server-Sent Events); the page works without it.
(() => {
    const table = document.querySelector('[data-live]');
    if (!table || !window.EventSource) return;
    // The page's words (state names, column labels for the phone layout), so live rows read like the server's.
    const words = JSON.parse(table.dataset.words || '{}');
    const word = (key, fallback) => words[key] ?? fallback;
    const empty = document.querySelector('[data-testid=printers-empty]');
    const shown = () => { const any = table.tBodies[0].rows.length > 0; table.hidden = !any; if (empty) empty.hidden = any; };
    const heater = (p, name) => {
        const h = p.heaters.find(x => x.name.toLowerCase() === name);
        return h ? `${Math.round(h.actual)}/${Math.round(h.target ?? 0)} °C` : '';
    };
    const eta = s => s == null ? '' : new Date(s * 1000).toISOString().substring(11, 19).replace(/^00:/, '0:');
    const labels = { state: 'State', nozzle: 'Nozzle', bed: 'Bed', job: 'Job', progress: 'Progress', eta: 'Eta', filament: 'Filament' };
    const cell = (text, cls) => { const td = document.createElement('td'); td.className = cls; td.dataset.label = word('label.' + labels[cls], labels[cls]); td.textContent = text; return td; };
    // The same line as StatusWords.PrinterLine writes on the server: a print the shop did not send says so, and a
    // reason the shop found itself is a code with words.
    const stateLine = p => {
        const unsent = (p.status === 'Busy' || p.status === 'Paused') && p.currentJobId == null ? words['unsent.' + p.status] : null;
        if (unsent) return unsent;
        const text = word('state.' + p.status, p.status);
        return p.status === 'Error' && p.statusReason ? `${text}: ${word('reason.' + p.statusReason, p.statusReason)}` : text;
    };
    const rowOf = p => {
        const row = document.createElement('tr');
        row.dataset.printer = p.id;
        row.dataset.status = p.status;
        const name = document.createElement('td');
        name.dataset.label = word('label.Printer', 'Printer');
        const link = document.createElement('a');
        link.href = `/maker/printers/${encodeURIComponent(p.id)}`;
        link.textContent = p.name;
        name.append(link);
        row.append(name,
            cell(stateLine(p) + (p.bedClear || p.status === 'NeedsBedClear' ? '' : ' · ' + word('bedNotClear', 'bed not clear')) + (p.inService ? '' : ' · ' + word('outOfService', 'out of service')), 'state'),
            cell(heater(p, 'tool0'), 'nozzle'), cell(heater(p, 'bed'), 'bed'), cell(p.currentJobId ?? '', 'job'),
            cell(p.progress == null ? '' : Math.floor(p.progress * 100) + ' %', 'progress'), cell(eta(p.etaSeconds), 'eta'),
            cell(`${p.loadedMaterial} ${word('colour.' + p.loadedColour, p.loadedColour)}`, 'filament'));
        return row;
    };
    const render = printers => {
        table.tBodies[0].replaceChildren(...printers.map(rowOf));
        shown();
        table.dataset.updated = String(Date.now());
    };
    // Some printers' records changed (state, job, bed, service): replace just their rows.
    const replace = printers => {
        for (const p of printers) {
            const old = table.querySelector(`tr[data-printer="${CSS.escape(p.id)}"]`);
            if (old) old.replaceWith(rowOf(p)); else table.tBodies[0].append(rowOf(p));
        }
        shown();
        table.dataset.updated = String(Date.now());
    };
    // Between two full lists the stream sends only the readings that changed: temperatures, progress, ETA.
    const readings = list => {
        for (const r of list) {
            const row = table.querySelector(`tr[data-printer="${CSS.escape(r.id)}"]`);
            if (!row) continue;
            row.querySelector('.nozzle').textContent = heater(r, 'tool0');
            row.querySelector('.bed').textContent = heater(r, 'bed');
            if (r.jobId != null && r.jobId === row.querySelector('.job').textContent) {
                row.querySelector('.progress').textContent = r.progress == null ? '' : Math.floor(r.progress * 100) + ' %';
                row.querySelector('.eta').textContent = eta(r.etaSeconds);
            }
        }
        table.dataset.updated = String(Date.now());
    };
    const live = new EventSource(table.dataset.live);
    live.addEventListener('printers', e => render(JSON.parse(e.data)));
    live.addEventListener('printer', e => replace(JSON.parse(e.data)));
    live.addEventListener('telemetry', e => readings(JSON.parse(e.data)));
})();
