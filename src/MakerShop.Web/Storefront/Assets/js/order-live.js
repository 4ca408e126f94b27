// Keeps the order page current from its Server-Sent Events stream; without JavaScript the page is a snapshot.
(() => {
    const section = document.querySelector('[data-live]');
    if (!section || !window.EventSource) return;
    const lang = section.dataset.lang || document.documentElement.lang;
    const time = new Intl.DateTimeFormat(lang, { weekday: 'short', hour: '2-digit', minute: '2-digit' });
    const stamp = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
    const doneAbout = at => section.dataset.doneAbout.replace('{0}', time.format(new Date(at)));

    const render = state => {
        const status = section.querySelector('[data-testid=order-status]');
        status.textContent = state.statusText;
        status.dataset.status = state.status;
        const list = section.querySelector('[data-testid=parts]');
        list.replaceChildren(...state.parts.map(part => {
            const item = document.createElement('li');
            item.className = 'part';
            item.dataset.unit = part.unit;
            item.dataset.phase = part.phase;
            const label = document.createElement('span');
            label.className = 'label';
            label.textContent = part.label;
            const bar = document.createElement('progress');
            bar.max = 1;
            bar.value = part.progress ?? 0;
            const phase = document.createElement('span');
            phase.className = 'phase';
            phase.textContent = part.phaseText + (part.doneAt ? ', ' + doneAbout(part.doneAt) : '');
            item.append(label, bar, phase);
            return item;
        }));
        const milestones = section.querySelector('[data-testid=milestones]');
        milestones.replaceChildren(...state.milestones.map(m => {
            const item = document.createElement('li');
            item.dataset.kind = m.kind;
            const when = document.createElement('time');
            when.dateTime = m.at;
            when.textContent = stamp.format(new Date(m.at));
            item.append(when, ' ' + m.text);
            return item;
        }));
        const tracking = section.querySelector('[data-testid=tracking]');
        if (tracking && state.parcel) {
            tracking.hidden = false;
            const carrier = tracking.querySelector('[data-testid=carrier]');
            if (state.parcel.trackingUrl && state.parcel.carrier) {
                const link = document.createElement('a');
                link.href = state.parcel.trackingUrl;
                link.rel = 'noreferrer';
                link.textContent = state.parcel.carrier;
                carrier.replaceChildren(link);
            } else {
                carrier.textContent = state.parcel.carrier || '';
            }
            tracking.querySelector('[data-testid=tracking-events]').replaceChildren(...state.parcel.scans.map(scan => {
                const item = document.createElement('li');
                item.dataset.status = scan.status;
                const when = document.createElement('time');
                if (scan.at) { when.dateTime = scan.at; when.textContent = stamp.format(new Date(scan.at)); } else { when.textContent = scan.atRaw; }
                item.append(when, ' ' + scan.text);
                return item;
            }));
        }
        section.dataset.updated = String(Date.now());
    };

    // EventSource reconnects by itself after a network drop; the first message after that repaints everything.
    const source = new EventSource(section.dataset.live);
    source.addEventListener('progress', event => render(JSON.parse(event.data)));
})();
