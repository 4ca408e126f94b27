// The owner dashboard's charts, drawn with uPlot (installed from npm, served from /lib) from the series the page
// embeds as JSON. Each chart takes its box's width, so it fits a 390 px phone, and follows it when the window
// changes; the figures themselves are also in a table under each chart for screen readers and for reading exactly.
import uPlot from '/lib/uplot/dist/uPlot.esm.js';

const source = document.getElementById('dashboard-charts');
if (source) {
    const series = JSON.parse(source.textContent);
    const height = 220;
    const day = 86400;
    const utc = ts => uPlot.tzDate(new Date(ts * 1e3), 'Etc/UTC');
    const lang = document.documentElement.lang || undefined;
    const whole = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
    const dayLabel = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short', timeZone: 'UTC' });
    const dayAxis = { values: (u, splits) => splits.map(s => dayLabel.format(new Date(s * 1e3))), space: 60 };
    const bars = uPlot.paths.bars({ size: [0.7, 40] });
    // The window is fixed (every day or week of it is in the data), so one point never stretches the axis.
    const fixedX = (xs, pad) => ({ time: true, range: () => [xs[0] - pad, xs[xs.length - 1] + pad] });
    const percent = { range: [0, 100] };
    // Orders and money in whole steps: no "0.5 orders", no repeated tick labels once rounded.
    const wholeSteps = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1e3, 2e3, 5e3, 1e4, 2e4, 5e4, 1e5, 2e5, 5e5, 1e6];
    // A day printed for a few minutes is a share too small to read as a number, not a zero.
    const share = (u, v) => v == null ? '–' : v > 0 && v < 0.1 ? '< 0.1 %' : v.toFixed(1) + ' %';

    const charts = {
        sales: s => ({
            scales: { x: fixedX(s.x, day / 2), n: { range: (u, min, max) => [0, Math.max(4, max)] }, money: { range: (u, min, max) => [0, Math.max(10, max)] } },
            axes: [dayAxis, { scale: 'n', label: s.ordersLabel, size: 50, incrs: wholeSteps },
                { scale: 'money', side: 1, label: s.revenueLabel, size: 60, grid: { show: false }, incrs: wholeSteps, values: (u, v) => v.map(x => whole.format(x)) }],
            series: [{}, { label: s.ordersLabel, scale: 'n', fill: 'rgba(232, 89, 12, 0.35)', stroke: '#e8590c', paths: bars, points: { show: false } },
                { label: s.revenueLabel, scale: 'money', stroke: '#1d4ed8', width: 2, value: (u, v) => v == null ? '–' : whole.format(v) }],
            data: [s.x, s.orders, s.revenue],
        }),
        onTime: s => ({
            // A little headroom so a week at 100 % is drawn inside the plot, not on its border.
            scales: { x: fixedX(s.x, day * 3.5), y: { range: [0, 105] } },
            axes: [dayAxis, { label: '%', size: 45, incrs: [20, 25, 50] }],
            series: [{}, { label: s.label, stroke: '#2b8a3e', width: 2, spanGaps: false, points: { size: 7 }, value: (u, v) => v == null ? '–' : v + ' %' }],
            data: [s.x, s.rate],
        }),
        utilisation: s => ({
            scales: { x: fixedX(s.x, day / 2), y: percent },
            axes: [dayAxis, { label: '%', size: 45 }],
            series: [{}, { label: s.label, fill: 'rgba(29, 78, 216, 0.35)', stroke: '#1d4ed8', paths: bars, points: { show: false }, value: share }],
            data: [s.x, s.share],
        }),
    };

    for (const box of document.querySelectorAll('[data-dash-chart]')) {
        const kind = box.dataset.dashChart;
        const { data, ...options } = charts[kind](series[kind]);
        const width = () => Math.max(260, Math.floor(box.clientWidth));
        const plot = new uPlot({ ...options, width: width(), height, tzDate: utc, legend: { live: false } }, data, box);
        box.dataset.points = String(data.slice(1).reduce((n, ys) => n + ys.filter(v => v != null && v !== 0).length, 0));
        box.dataset.rendered = 'true';
        new ResizeObserver(() => { if (width() !== plot.width) plot.setSize({ width: width(), height }); }).observe(box);
    }
}
