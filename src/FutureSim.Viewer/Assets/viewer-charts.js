// Part of the FutureSim run viewer's script: hand-drawn SVG charts.
  // ---- Charts ------------------------------------------------------------------------------------------

  function niceTicks(lo, hi, count) {
    if (!(hi > lo)) { hi = lo + 1; }
    const step0 = (hi - lo) / count;
    const magnitude = Math.pow(10, Math.floor(Math.log10(step0)));
    const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((x) => x >= step0) || step0;
    const ticks = [];
    for (let t = Math.ceil(lo / step) * step; t <= hi + 1e-9; t += step) { ticks.push(Number(t.toFixed(10))); }
    return ticks;
  }

  // A line chart over days: series {name, color, points [[day, y]], band [[day, lo, hi]], markers}; hover shows values.
  function lineChart(options) {
    const width = options.width || 900, height = options.height || 320;
    const margin = { left: 56, right: 16, top: 24, bottom: 34 };
    const all = options.series.flatMap((x) => x.points.concat((x.band || []).flatMap((b) => [[b[0], b[1]], [b[0], b[2]]])));
    const xs = all.map((p) => p[0]).concat(options.xExtra || []);
    const ys = all.map((p) => p[1]).concat(options.yExtra || []);
    if (xs.length === 0) { return h('p', { class: 'muted' }, 'No data yet.'); }
    let [x0, x1] = [Math.min(...xs), Math.max(...xs)];
    let [y0, y1] = options.yRange || [Math.min(...ys), Math.max(...ys)];
    if (x1 === x0) { x0 -= 1; x1 += 1; }
    if (y1 === y0) { y0 -= 0.05; y1 += 0.05; }
    const pad = (y1 - y0) * 0.05; if (!options.yRange) { y0 -= pad; y1 += pad; }
    const X = (x) => margin.left + (x - x0) / (x1 - x0) * (width - margin.left - margin.right);
    const Y = (y) => height - margin.bottom - (y - y0) / (y1 - y0) * (height - margin.top - margin.bottom);
    const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img', 'aria-label': options.label || 'chart' });
    const grid = s('g', { class: 'grid' });
    for (const t of niceTicks(y0, y1, 5)) {
      grid.appendChild(s('line', { x1: margin.left, x2: width - margin.right, y1: Y(t), y2: Y(t) }));
      grid.appendChild(s('text', { x: margin.left - 6, y: Y(t) + 4, 'text-anchor': 'end' }, fixed(t, Math.abs(t) < 1 && t !== 0 ? 2 : 1)));
    }
    // Day ticks at least one date label (about 80 units) apart.
    const span = x1 - x0, room = Math.max(1, Math.floor((width - margin.left - margin.right) / 80));
    const stepDays = [1, 2, 7, 14, 28, 56, 91, 182, 365, 730].find((d) => span / d <= room) || Math.ceil(span / room);
    for (let t = Math.ceil(x0 / stepDays) * stepDays; t <= x1; t += stepDays) {
      grid.appendChild(s('line', { x1: X(t), x2: X(t), y1: margin.top, y2: height - margin.bottom, class: 'vertical' }));
      grid.appendChild(s('text', { x: X(t), y: height - margin.bottom + 16, 'text-anchor': 'middle' }, dayText(t)));
    }
    svg.appendChild(grid);
    if (options.yLabel) { svg.appendChild(s('text', { x: margin.left, y: 14, class: 'axis-label' }, options.yLabel)); }
    if (options.zero && y0 < 0 && y1 > 0) { svg.appendChild(s('line', { x1: margin.left, x2: width - margin.right, y1: Y(0), y2: Y(0), class: 'zero' })); }
    for (const mark of options.verticals || []) {
      svg.appendChild(s('line', { x1: X(mark.x), x2: X(mark.x), y1: margin.top, y2: height - margin.bottom, class: 'marker-line' }));
      svg.appendChild(s('text', { x: X(mark.x) - 4, y: margin.top + 10, 'text-anchor': 'end', class: 'marker-text' }, mark.label));
    }
    const groups = options.series.map((series) => {
      const g = s('g', { class: 'series', 'data-series': series.name });
      if (series.band && series.band.length > 1) {
        const upper = series.band.map((b) => `${X(b[0])},${Y(b[2])}`);
        const lower = series.band.slice().reverse().map((b) => `${X(b[0])},${Y(b[1])}`);
        g.appendChild(s('polygon', { points: upper.concat(lower).join(' '), fill: series.color, class: 'band' }));
      }
      const path = series.points.map((p, i) => {
        if (!series.step || i === 0) { return (i === 0 ? 'M' : 'L') + X(p[0]) + ',' + Y(p[1]); }
        return 'H' + X(p[0]) + 'V' + Y(p[1]);
      }).join('') + (series.step && series.until !== undefined && series.points.length ? 'H' + X(series.until) : '');
      g.appendChild(s('path', { d: path, stroke: series.color, class: series.dashed ? 'line dashed' : 'line' }));
      if (series.markers) {
        for (const p of series.points) {
          g.appendChild(s('circle', { cx: X(p[0]), cy: Y(p[1]), r: 3.5, fill: series.color, class: 'fs-point', 'data-agent': series.name, 'data-day': dayText(p[0]) },
            s('title', {}, `${series.name} ${dayText(p[0])}: ${fixed(p[1])}`)));
        }
      }
      svg.appendChild(g);
      return g;
    });
    const rule = s('line', { y1: margin.top, y2: height - margin.bottom, class: 'rule', visibility: 'hidden' });
    svg.appendChild(rule);
    const tip = h('div', { class: 'tip', hidden: true });
    const overlay = s('rect', { x: margin.left, y: margin.top, width: width - margin.left - margin.right, height: height - margin.top - margin.bottom, class: 'overlay' });
    overlay.addEventListener('mousemove', (event) => {
      const box = svg.getBoundingClientRect();
      const x = x0 + ((event.clientX - box.left) * width / box.width - margin.left) / (width - margin.left - margin.right) * (x1 - x0);
      const lines = options.series.filter((_, i) => !groups[i].classList.contains('off')).map((series) => {
        let best = null;
        for (const p of series.points) { if (p[0] <= x + 0.5 && (series.step || Math.abs(p[0] - x) < 1)) { best = p; } }
        return best ? `${series.name}: ${fixed(best[1])}` : null;
      }).filter((x) => x);
      rule.setAttribute('x1', X(Math.round(x))); rule.setAttribute('x2', X(Math.round(x))); rule.setAttribute('visibility', 'visible');
      tip.hidden = false; tip.textContent = dayText(Math.round(x)) + (lines.length ? ' — ' + lines.join(' · ') : '');
    });
    overlay.addEventListener('mouseleave', () => { rule.setAttribute('visibility', 'hidden'); tip.hidden = true; });
    svg.appendChild(overlay);
    if (options.overlay) { svg.appendChild(options.overlay(X, Y, height - margin.bottom)); }
    const legend = h('div', { class: 'legend' }, options.series.map((series, i) => h('button', {
      type: 'button', class: 'legend-item', 'data-series': series.name,
      onclick: (event) => { groups[i].classList.toggle('off'); event.currentTarget.classList.toggle('off'); },
    }, h('span', { class: 'swatch', color: series.color }), series.name)));
    return h('figure', { class: 'figure' }, svg, legend, tip, options.caption ? h('figcaption', {}, options.caption) : null);
  }

  function reliabilityChart(calibration, title, xLabel, yLabel) {
    const size = 260, m = 36, inner = size - 2 * m;
    const X = (x) => m + x * inner, Y = (y) => size - m - y * inner;
    const bins = calibration.reliability_bins || [];
    const max = Math.max(1, ...bins.map((b) => b.count));
    const svg = s('svg', { viewBox: `0 0 ${size} ${size}`, class: 'chart reliability', role: 'img', 'aria-label': title });
    const grid = s('g', { class: 'grid' });
    for (const t of [0, 0.25, 0.5, 0.75, 1]) {
      grid.appendChild(s('line', { x1: X(0), x2: X(1), y1: Y(t), y2: Y(t) }));
      grid.appendChild(s('text', { x: X(0) - 4, y: Y(t) + 4, 'text-anchor': 'end' }, t));
      grid.appendChild(s('text', { x: X(t), y: Y(0) + 14, 'text-anchor': 'middle' }, t));
    }
    svg.appendChild(grid);
    svg.appendChild(s('line', { x1: X(0), y1: Y(0), x2: X(1), y2: Y(1), class: 'zero' }));
    svg.appendChild(s('polyline', { points: bins.map((b) => `${X(b.mean_forecast)},${Y(b.observed_frequency)}`).join(' '), class: 'line', stroke: COLORS[0] }));
    for (const b of bins) {
      svg.appendChild(s('circle', { cx: X(b.mean_forecast), cy: Y(b.observed_frequency), r: 3 + 7 * Math.sqrt(b.count / max), fill: COLORS[0], class: 'bin' },
        s('title', {}, `[${b.lower}, ${b.upper}): n = ${b.count}, mean forecast ${fixed(b.mean_forecast)}, observed ${fixed(b.observed_frequency)}`)));
    }
    svg.appendChild(s('text', { x: size / 2, y: size - 4, 'text-anchor': 'middle', class: 'axis-label' }, xLabel));
    svg.appendChild(s('text', { x: 4, y: m - 14, class: 'axis-label' }, yLabel));
    return h('figure', { class: 'figure small' }, svg, h('figcaption', {}, `${title} — n = ${calibration.count}, ECE = ${fixed(calibration.ece)}`));
  }
