// The overview's two charts: the free-quota gauge and the month's daily calls stacked by level.
(function () {
    function draw() {
        if (!window.Chart) return;
        var style = getComputedStyle(document.documentElement);
        var colour = function (name) { return style.getPropertyValue(name).trim(); };

        var gauge = document.getElementById('quota-gauge');
        if (gauge) {
            var used = Number(gauge.dataset.used), total = Number(gauge.dataset.total);
            var shown = Math.min(used, total), left = Math.max(total - used, 0);
            var ratio = total > 0 ? used / total : 0;
            new Chart(gauge, {
                type: 'doughnut',
                data: { datasets: [{ data: [shown, left > 0 || shown > 0 ? left : 1], borderWidth: 0,
                    backgroundColor: [ratio >= 1 ? colour('--bad') : ratio >= 0.8 ? '#e5a000' : colour('--accent'), '#edf1f6'] }] },
                options: { rotation: -90, circumference: 180, cutout: '72%', responsive: false, animation: false,
                    plugins: { legend: { display: false }, tooltip: { enabled: false } } }
            });
        }

        var trend = document.getElementById('trend');
        if (trend) {
            var data = JSON.parse(trend.dataset.trend);
            var colours = [colour('--l1'), colour('--l2'), colour('--l3')];
            new Chart(trend, {
                type: 'bar',
                data: { labels: data.labels, datasets: data.series.map(function (s, i) {
                    return { label: s.label, data: s.data, backgroundColor: colours[i], borderRadius: 2, maxBarThickness: 22 };
                }) },
                options: { responsive: true, maintainAspectRatio: false, animation: false,
                    interaction: { mode: 'index', intersect: false },
                    scales: { x: { stacked: true, grid: { display: false }, ticks: { maxRotation: 0, autoSkipPadding: 6 },
                                   title: { display: true, text: 'Day of the month', color: '#5d6b7e' } },
                              y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
                    plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } },
                               tooltip: { callbacks: { title: function (items) {
                                   return data.month + '-' + String(items[0].label).padStart(2, '0'); } } } } }
            });
        }
    }
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', draw); else draw();
})();
