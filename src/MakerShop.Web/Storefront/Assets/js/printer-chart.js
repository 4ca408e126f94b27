// The printer page's temperature chart: the last hour from the shop's history, then every new reading from the
// maker's live stream (/maker/live). uPlot is installed from npm and served from /lib.
import uPlot from '/lib/uplot/dist/uPlot.esm.js';

const box = document.querySelector('[data-chart]');
if (box) {
    const hour = 3600;
    const printer = box.dataset.printer;
    // The series' names in the page's language (data-series), English where a page does not give them.
    const names = box.dataset.series ? JSON.parse(box.dataset.series) : ['Nozzle', 'Nozzle target', 'Bed', 'Bed target', 'Time'];
    const data = [[], [], [], [], []];
    const push = (t, nozzle, nozzleTarget, bed, bedTarget) => {
        data[0].push(t); data[1].push(nozzle); data[2].push(nozzleTarget); data[3].push(bed); data[4].push(bedTarget);
    };
    const trim = () => {
        const from = data[0][data[0].length - 1] - hour;
        let drop = 0;
        while (drop < data[0].length && data[0][drop] < from) drop++;
        if (drop > 0) data.forEach(series => series.splice(0, drop));
    };
    const history = await (await fetch(box.dataset.history, { headers: { Accept: 'application/json' } })).json();
    for (const s of history.samples) {
        push(Date.parse(s.at) / 1000, s.nozzleActual, s.nozzleTarget, s.bedActual, s.bedTarget);
    }

    const lastHour = xs => {
        const last = xs.length > 0 ? xs[xs.length - 1] : Date.now() / 1000;
        return [Math.min(xs.length > 0 ? xs[0] : last, last - hour), last];
    };
    // Times in the page's language (uPlot's own labels are English, "3:40pm"): "15:40" on a French page.
    const clock = new Intl.DateTimeFormat(document.documentElement.lang || undefined, { hour: '2-digit', minute: '2-digit' });
    const timeAxis = { values: (u, splits) => splits.map(s => clock.format(new Date(s * 1e3))), space: 70 };
    const line = (label, stroke, dash) => ({ label, stroke, width: 2, dash, value: (u, v) => v == null ? '–' : v.toFixed(1) + ' °C' });
    const plot = new uPlot({
        width: Math.max(320, box.clientWidth),
        height: 280,
        // Always the hour up to the newest sample, taken from the data itself: with a single sample uPlot's own
        // min/max are that sample and that sample plus 86,400,000 s (it adds a day in milliseconds to a scale in
        // seconds), which spanned years on a printer that had just started.
        scales: { x: { time: true, range: u => lastHour(u.data[0]) } },
        axes: [timeAxis, { label: '°C' }],
        // The drawn span, for the page's tests: an hour, whatever the number of samples.
        hooks: { setScale: [(u, key) => { if (key === 'x') box.dataset.span = String(Math.round(u.scales.x.max - u.scales.x.min)); }] },
        series: [{ label: names[4], value: (u, v) => v == null ? '–' : clock.format(new Date(v * 1e3)) }, line(names[0], '#c2410c'), line(names[1], '#c2410c', [6, 4]), line(names[2], '#1d4ed8'), line(names[3], '#1d4ed8', [6, 4])],
    }, data, box);
    const shown = () => {
        box.dataset.points = String(data[0].length);
        box.dataset.updated = String(Date.now());
    };
    shown();
    window.addEventListener('resize', () => plot.setSize({ width: Math.max(320, box.clientWidth), height: 280 }));

    const heater = (r, name) => r.heaters.find(h => h.name.toLowerCase() === name);
    new EventSource(box.dataset.live).addEventListener('telemetry', e => {
        for (const r of JSON.parse(e.data)) {
            if (r.id !== printer) continue;
            const t = Date.parse(r.at) / 1000;
            if (data[0].length > 0 && t <= data[0][data[0].length - 1]) continue;
            const nozzle = heater(r, 'tool0');
            const bed = heater(r, 'bed');
            push(t, nozzle?.actual ?? null, nozzle?.target ?? null, bed?.actual ?? null, bed?.target ?? null);
            trim();
            plot.setData(data);
            shown();
        }
    });
}
