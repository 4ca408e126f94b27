// Keeps the owner's fleet cards current from /admin/printers/live (Server-Sent Events) and filters them in place.
// Without JavaScript the page is the same cards as sent, and the filters are a plain GET form.
(() => {
    const list = document.querySelector('[data-testid=fleet][data-live]');
    if (!list) return;
    const words = JSON.parse(list.dataset.words || '{}');
    const lang = list.dataset.lang || undefined;
    const form = document.querySelector('[data-testid=fleet-filters]');
    const noMatch = document.querySelector('[data-testid=no-match]');
    const empty = document.querySelector('[data-testid=fleet-empty]');
    const say = (key, value) => (words[key] ?? key).replace('{0}', value);
    const clock = new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit' });
    const all = new Map();

    const heater = (p, name) => {
        const h = (p.heaters || []).find(x => x.name.toLowerCase() === name);
        return h ? `${Math.round(h.actual)} °C` : '–';
    };
    const percent = p => p.progress == null ? null : Math.floor(Math.min(1, Math.max(0, p.progress)) * 100);
    const seen = iso => {
        if (!iso) return words['Seen.Never'];
        const s = Math.max(0, Math.floor((Date.now() - Date.parse(iso)) / 1000));
        return s < 60 ? say('Seen.Seconds', s) : s < 3600 ? say('Seen.Minutes', Math.floor(s / 60))
            : s < 172800 ? say('Seen.Hours', Math.floor(s / 3600)) : say('Seen.Days', Math.floor(s / 86400));
    };
    const eta = seconds => seconds == null ? null : new Date(Date.now() + seconds * 1000);
    const stateLine = f => {
        const p = f.printer;
        // The same line as StatusWords.PrinterLine writes on the server: a print the shop did not send says so, and a
        // reason the shop found itself is a code with words.
        const unsent = (p.status === 'Busy' || p.status === 'Paused') && p.currentJobId == null ? words['unsent.' + p.status] : null;
        let text = unsent ?? words['state.' + p.status] ?? p.status;
        if (!unsent && p.status === 'Error' && p.statusReason) text += ': ' + (words['reason.' + p.statusReason] ?? p.statusReason);
        return p.inService ? text : `${text} · ${words.OutOfService}`;
    };
    const el = (tag, cls, text) => { const e = document.createElement(tag); if (cls) e.className = cls; if (text != null) e.textContent = text; return e; };
    const timeOf = date => { const t = el('time', null, say('Eta', clock.format(date))); t.dateTime = date.toISOString(); return t; };

    // The same card as _FleetCard.cshtml.
    const card = f => {
        const p = f.printer;
        const li = el('li', 'fleet-card');
        Object.assign(li.dataset, { printer: p.id, status: p.status, maker: p.makerId, country: p.countryCode, material: p.loadedMaterial, job: p.currentJobId ?? '' });
        const head = el('div', 'fleet-head');
        head.innerHTML = '<svg class="printer-icon" viewBox="0 0 32 32" aria-hidden="true"><path d="M5 4h22v4H5zM7 8h2v16H7zM23 8h2v16h-2zM5 24h22v4H5zM13 12h6l-1 4h-4z" /></svg>';
        const title = el('div'); const h2 = el('h2'); const a = el('a', null, p.name);
        a.href = '/admin/printers/' + encodeURIComponent(p.id);
        h2.append(a); title.append(h2, el('p', 'state', stateLine(f))); head.append(title);
        li.append(head);
        if (f.job) {
            const meter = el('div', 'meter'); const bar = el('progress'); bar.max = 100; bar.value = percent(p) ?? 0;
            meter.append(bar, el('span', 'percent', percent(p) == null ? '' : percent(p) + ' %'));
            const job = el('p', 'job', f.job.partName + ' · '); const order = el('a', 'order-number', f.job.orderNumber);
            order.href = '/admin/orders/' + encodeURIComponent(f.job.orderNumber); job.append(order, ' · ' + say('OrderOf', f.job.customerName));
            const end = el('p', 'eta'); const date = eta(p.etaSeconds); if (date) end.append(timeOf(date));
            li.append(meter, job, end);
        } else {
            li.append(el('p', 'job muted', words.NoJob));
        }
        const temps = el('p', 'temps'); const nozzle = el('span', null, words.Nozzle + ' '); nozzle.append(el('b', 'nozzle', heater(p, 'tool0')));
        const bed = el('span', null, words.Bed + ' '); bed.append(el('b', 'bed', heater(p, 'bed'))); temps.append(nozzle, ' ', bed);
        const colour = words['colour.' + p.loadedColour] ?? p.loadedColour;
        const seenAt = el('p', 'seen muted', seen(p.lastSeenAt)); seenAt.dataset.seen = p.lastSeenAt ?? '';
        li.append(temps, el('p', 'filament', `${p.loadedMaterial} ${colour}`.trim()),
            el('p', 'who', `${f.shopOwned ? words.ShopOwn : (f.makerName ?? p.makerId)} · ${words['country.' + p.countryCode] ?? p.countryCode}`), seenAt);
        return li;
    };

    const filters = () => {
        const data = form ? new FormData(form) : new FormData();
        return { state: data.get('state') || '', maker: data.get('maker') || '', country: data.get('country') || '', material: data.get('material') || '' };
    };
    const matches = (f, q) => {
        const p = f.printer;
        return (!q.state || p.status.toLowerCase() === q.state.toLowerCase()) && (!q.maker || p.makerId === q.maker)
            && (!q.country || p.countryCode.toLowerCase() === q.country.toLowerCase())
            && (!q.material || p.loadedMaterial.toLowerCase() === q.material.toLowerCase());
    };
    const render = () => {
        if (all.size === 0) return;
        const q = filters();
        const shown = [...all.values()].filter(f => matches(f, q)).sort((a, b) => a.printer.name < b.printer.name ? -1 : a.printer.name > b.printer.name ? 1 : 0);
        list.replaceChildren(...shown.map(card));
        if (noMatch) noMatch.hidden = shown.length > 0;
        if (empty) empty.hidden = true;
        for (const count of document.querySelectorAll('[data-count]')) {
            count.textContent = String([...all.values()].filter(f => f.printer.status === count.dataset.count).length);
        }
        list.dataset.updated = String(Date.now());
    };
    const readings = batch => {
        for (const r of batch) {
            const f = all.get(r.id);
            if (!f) continue;
            const p = f.printer;
            p.heaters = r.heaters; p.lastSeenAt = r.at;
            if (r.jobId != null && r.jobId === p.currentJobId) { p.progress = r.progress; p.etaSeconds = r.etaSeconds; }
            const li = list.querySelector(`li[data-printer="${CSS.escape(r.id)}"]`);
            if (li) li.replaceWith(card(f));
        }
        list.dataset.updated = String(Date.now());
    };

    // The server wrote end times in UTC; show them in the reader's own time.
    for (const t of list.querySelectorAll('.eta time')) t.textContent = say('Eta', clock.format(new Date(t.dateTime)));
    if (form) {
        form.addEventListener('change', () => {
            const q = filters();
            const query = new URLSearchParams(Object.entries(q).filter(([, v]) => v)).toString();
            history.replaceState(null, '', location.pathname + (query ? '?' + query : ''));
            render();
        });
        form.addEventListener('submit', e => { e.preventDefault(); form.dispatchEvent(new Event('change')); });
    }
    setInterval(() => { for (const s of list.querySelectorAll('[data-seen]')) s.textContent = seen(s.dataset.seen); }, 1000);

    const live = new EventSource(list.dataset.live);
    live.addEventListener('printers', e => { all.clear(); for (const f of JSON.parse(e.data)) all.set(f.printer.id, f); render(); });
    live.addEventListener('printer', e => { for (const f of JSON.parse(e.data)) all.set(f.printer.id, f); render(); });
    live.addEventListener('telemetry', e => readings(JSON.parse(e.data)));
})();
