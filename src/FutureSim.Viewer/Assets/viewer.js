// FutureSim run viewer: renders the documents of a run folder (served under api/ by `futuresim view`, or
// embedded by `futuresim report`) as pages with hand-drawn SVG charts. No external scripts, fonts or requests.
(function () {
  'use strict';

  const REPORT = document.body.dataset.mode === 'report';
  const DATA = REPORT ? JSON.parse(document.getElementById('fs-data').textContent) : null;
  const SVG = 'http://www.w3.org/2000/svg';
  const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22'];
  const app = document.getElementById('app');
  const crumbs = document.getElementById('crumbs');
  const live = document.getElementById('live');
  let poll = null;
  let renderToken = 0;

  class NotFound extends Error {}

  // Percent-encoding of one path segment, the same as the server's Uri.EscapeDataString.
  function enc(segment) {
    return encodeURIComponent(segment).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  }

  function docPath(...segments) { return segments.map(enc).join('/'); }

  async function load(...segments) {
    const path = docPath(...segments);
    if (REPORT) {
      if (!Object.prototype.hasOwnProperty.call(DATA, path)) { throw new NotFound(path); }
      return DATA[path];
    }
    const response = await fetch('api/' + path, { cache: 'no-store', credentials: 'same-origin' });
    if (response.status === 404) { throw new NotFound(path); }
    if (!response.ok) { throw new Error(response.status + ' ' + response.statusText + ' for ' + path); }
    return response.json();
  }

  function has(...segments) { return !REPORT || Object.prototype.hasOwnProperty.call(DATA, docPath(...segments)); }

  // ---- DOM helpers -------------------------------------------------------------------------------------

  function h(tag, attrs, ...children) {
    const node = document.createElement(tag);
    setAttributes(node, attrs);
    append(node, children);
    return node;
  }

  function s(tag, attrs, ...children) {
    const node = document.createElementNS(SVG, tag);
    setAttributes(node, attrs);
    append(node, children);
    return node;
  }

  function setAttributes(node, attrs) {
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value == null || value == null || value === false) { continue; }
      if (key.startsWith('on')) { node.addEventListener(key.slice(2), value); }
      else if (key === 'color') { node.style.backgroundColor = value; } // through the CSSOM: the page's policy forbids inline style attributes
      else { node.setAttribute(key, value === true ? '' : String(value)); }
    }
  }

  function append(node, children) {
    for (const child of children.flat(Infinity)) {
      if (child == null || child == null || child === false) { continue; }
      node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }

  function link(href, ...children) { return h('a', { href: href }, ...children); }
  function route(...segments) { return '#/' + segments.map(enc).join('/'); }
  function fixed(value, digits) { return value == null || value == null ? 'n/a' : Number(value).toFixed(digits == null ? 3 : digits); }
  function signed(value) { return value == null || value == null ? 'n/a' : (value > 0 ? '+' : '') + Number(value).toFixed(3); }
  function estimate(e) { return !e || e.estimate == null ? 'n/a' : fixed(e.estimate) + (e.lower == null ? '' : ' [' + fixed(e.lower) + ', ' + fixed(e.upper) + ']'); }
  function dayNumber(text) { return Date.parse(text.length === 10 ? text + 'T00:00:00Z' : text) / 86400000; }
  function dayText(number) { return new Date(Math.round(number * 86400000)).toISOString().slice(0, 10); }
  function instantText(text) { return text ? text.replace('T', ' ').replace(/\.\d+/, '').replace('+00:00', ' UTC') : ''; }
  function colorOf(index) { return COLORS[index % COLORS.length]; }

  function table(headers, rows, attrs) {
    return h('table', attrs || {}, h('thead', {}, h('tr', {}, headers.map((x) => h('th', {}, x)))), h('tbody', {}, rows));
  }

  function errorBox(error) {
    return h('div', { class: 'error', role: 'alert' }, h('strong', {}, 'This run cannot be read: '),
      h('span', { class: 'error-file' }, error.file + (error.line > 0 ? ', line ' + error.line : '')), ': ', error.problem);
  }

  function warningsBox(warnings) {
    if (!warnings || warnings.length === 0) { return null; }
    return h('div', { class: 'warning' }, h('strong', {}, 'Read with warnings:'),
      h('ul', {}, warnings.map((w) => h('li', { class: 'warning-item' }, h('span', { class: 'error-file' }, w.file + (w.line > 0 ? ', line ' + w.line : '')), ': ', w.problem))));
  }

  function setCrumbs(...items) {
    crumbs.replaceChildren(...items.flatMap((item, i) => [i > 0 ? ' / ' : null, item]).filter((x) => x != null));
  }

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

  // ---- Pages -------------------------------------------------------------------------------------------

  async function homePage() {
    setCrumbs(h('span', {}, 'Runs'));
    const doc = await load('runs');
    const rows = doc.runs.map((run) => h('tr', { class: 'run-row' },
      h('td', {}, link(route('run', run.id), run.id)),
      h('td', {}, run.status || 'unreadable', run.reading ? ' (reading…)' : run.complete ? '' : run.status === 'running' ? ' (being written)' : '',
        run.imported ? ` · imported (${run.imported.format})` : ''),
      h('td', { class: 'num' }, `${run.reading ? '…' : run.days} / ${run.total_days}`),
      h('td', {}, run.agents.join(', ')),
      h('td', { class: 'num' }, run.reading ? '…' : run.questions),
      h('td', {}, run.error ? h('span', { class: 'bad' }, run.error.text) : run.warnings.length ? `${run.warnings.length} warning(s)` : '')));
    if (!REPORT && doc.runs.some((r) => r.reading)) { setTimeout(() => { if (location.hash === '' || location.hash === '#/') { render(true); } }, 500); }
    return [h('h1', {}, 'Runs'),
      doc.combined && has('all', 'leaderboard') ? h('p', {}, link('#/all', 'Leaderboard over all runs'), ' (seeds of one configuration pooled).') : null,
      table(['Run', 'Status', 'Days', 'Agents', 'Questions', 'Problems'], rows, { id: 'runs' }),
      h('p', {}, link('#/compare', 'Compare two agents or runs'), ' question by question.')];
  }

  function entryLabel(board, entry) {
    const unique = new Set(board.entries.map((e) => e.agent)).size === board.entries.length;
    return unique ? entry.agent : entry.id;
  }

  // bands: a promise of the entries' daily bands; the curves are drawn at once and again with their bands.
  function leaderboardSections(board, kinds, bands, runId) {
    const label = (e) => entryLabel(board, e);
    const agentCell = (e) => h('td', { class: 'agent' }, runId && e.runs.length === 1 ? link(route('run', runId, 'agent', e.agent), label(e)) : label(e));
    const metricCell = (e, kind, metric, signedValue) => {
      const m = e[kind] && e[kind].metrics[metric];
      const f = signedValue ? signed : fixed;
      const known = m && m.estimate != null;
      return h('td', { class: 'num metric', 'data-entry': e.id, 'data-metric': kind + '.' + metric, 'data-value': known ? m.estimate : '' },
        h('span', { class: 'value' }, known ? f(m.estimate) : 'n/a'), known && m.lower != null ? h('span', { class: 'ci' }, `[${f(m.lower)}, ${f(m.upper)}]`) : null);
    };
    const ranked = (kind) => board.entries.filter((e) => e[kind]).sort((a, b) => a[kind].rank - b[kind].rank);
    const sections = [];
    for (const k of kinds) {
      const entries = ranked(k.kind);
      if (!entries.length) { continue; }
      const ece = (e) => e[k.kind].calibration.equal_width.count ? fixed(e[k.kind].calibration.equal_width.ece) : 'n/a';
      sections.push(h('h2', {}, k.title), table(['Rank', 'Agent', 'Questions', 'Coverage', ...k.columns.map((c) => c.header), 'ECE'],
        entries.map((e) => h('tr', { class: 'entry', 'data-entry': e.id }, h('td', { class: 'num' }, e[k.kind].rank), agentCell(e), h('td', { class: 'num' }, e[k.kind].questions),
          h('td', { class: 'num' }, fixed(e[k.kind].coverage)), k.columns.map((c) => metricCell(e, k.kind, c.id, c.signed)), h('td', { class: 'num' }, ece(e)))),
        { class: 'leaderboard', id: k.kind === 'free_form' ? 'free-form' : 'binary' }));
    }
    sections.push(h('h2', {}, 'Scores over time'), curves(board, bands, label));
    const diagrams = [];
    for (const e of board.entries) {
      if (e.free_form && e.free_form.calibration.equal_width.count) { diagrams.push(reliabilityChart(e.free_form.calibration.equal_width, label(e) + ', free-form top outcome', 'p(top outcome)', 'share correct')); }
      if (e.binary && e.binary.calibration.equal_width.count) { diagrams.push(reliabilityChart(e.binary.calibration.equal_width, label(e) + ', binary', 'p(Yes)', 'share Yes')); }
    }
    if (diagrams.length) { sections.push(h('h2', {}, 'Reliability (equal-width bins)'), h('div', { class: 'grid-figures' }, diagrams)); }
    sections.push(h('h2', {}, 'Abstentions and failures'), table(['Agent', 'Runs', 'Failed runs', 'Incomplete runs', 'Submissions', 'Refusals', 'Agent failures'],
      board.entries.map((e) => h('tr', {}, agentCell(e), h('td', { class: 'num' }, e.runs.length), h('td', { class: 'num' }, e.failed_runs), h('td', { class: 'num' }, e.incomplete_runs),
        h('td', { class: 'num' }, e.submissions), h('td', { class: 'num' }, e.refusals),
        h('td', {}, Object.entries(e.agent_failures).map(([k, v]) => `${k}: ${v}`).join(', ') || '0')))));
    sections.push(h('details', { class: 'formulas' }, h('summary', {}, 'Formulas and options'),
      h('p', {}, `${board.options.resamples} bootstrap resamples, seed ${board.options.seed}, ${Math.round(board.options.confidence_level * 100)} % intervals, ${board.options.calibration_bins} calibration bins.`),
      h('dl', {}, Object.entries(board.formulas).map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]))));
    return sections;
  }

  function curves(board, bands, label) {
    const metrics = [
      { key: 'bss', band: 'skill', title: 'Free-form BSS over all questions', zero: true },
      { key: 'accuracy', band: 'accuracy', title: 'Free-form top-1 accuracy' },
      { key: 'brier', band: 'brier', title: 'Binary Brier (forecast questions; lower is better)' },
    ].filter((m) => board.entries.some((e) => e.daily.some((d) => d[m.key] != null)));
    const holder = h('div', { class: 'curves' });
    const buttons = h('div', { class: 'tabs' });
    let current = null, loaded = [];
    const show = (metric) => {
      current = metric;
      for (const b of buttons.children) { b.classList.toggle('active', b.dataset.metric === metric.key); }
      const series = board.entries.map((e, i) => {
        const band = loaded[i] ? loaded[i][metric.band] : [];
        const points = [], bandPoints = [];
        e.daily.forEach((d, j) => {
          if (d[metric.key] == null) { return; }
          const x = dayNumber(d.date);
          points.push([x, d[metric.key]]);
          if (band && band[j]) { bandPoints.push([x, band[j][0], band[j][1]]); }
        });
        return { name: label(e), color: colorOf(i), points: points, band: bandPoints };
      }).filter((x) => x.points.length);
      holder.replaceChildren(lineChart({ series: series, zero: metric.zero, label: metric.title, yLabel: metric.title,
        caption: `Daily ${metric.title}; shaded: ${Math.round(board.options.confidence_level * 100)} % bootstrap band, questions resampled (200 resamples), seeds averaged. Click a name to hide it.` }));
    };
    for (const metric of metrics) { buttons.appendChild(h('button', { type: 'button', 'data-metric': metric.key, onclick: () => show(metric) }, metric.title)); }
    // Redrawn once the page holding the chart is shown (a report resolves the bands before that).
    const redraw = (attempts) => { if (holder.isConnected) { show(current); } else if (attempts > 0) { setTimeout(() => redraw(attempts - 1), 50); } };
    bands.then((b) => { loaded = b; if (current) { redraw(100); } }, () => {});
    if (metrics.length) { show(metrics[0]); } else { holder.appendChild(h('p', { class: 'muted' }, 'No completed day yet.')); }
    return [buttons, holder];
  }

  // A part of a page drawn when its document arrives (the rest of the page does not wait for it).
  function deferred(promise, build) {
    const holder = h('div', { class: 'deferred' }, h('p', { class: 'muted' }, 'Loading…'));
    promise.then((doc) => holder.replaceChildren(...[build(doc)].flat(Infinity).filter((x) => x != null)),
      (e) => holder.replaceChildren(h('p', { class: 'bad' }, String(e.message || e))));
    return holder;
  }

  // Charts over days behind tabs: metrics [{title, series, zero, caption}].
  function tabbedCharts(metrics) {
    const holder = h('div', { class: 'curves' });
    const buttons = h('div', { class: 'tabs' });
    const show = (metric) => {
      for (const b of buttons.children) { b.classList.toggle('active', b.dataset.metric === metric.title); }
      holder.replaceChildren(lineChart({ series: metric.series, zero: metric.zero, label: metric.title, yLabel: metric.title, caption: metric.caption }));
    };
    for (const metric of metrics) { buttons.appendChild(h('button', { type: 'button', 'data-metric': metric.title, onclick: () => show(metric) }, metric.title)); }
    if (metrics.length) { show(metrics[0]); }
    return [buttons, holder];
  }

  function provenanceText(p) {
    const d = p.details || {};
    return [d.official_run_id ? 'official run ' + d.official_run_id : null, d.seed_label ? 'seed ' + d.seed_label : null, d.harness_name || d.harness,
      d.model ? 'model ' + d.model : null, d.verdicts ? 'judge verdicts ' + d.verdicts : null, p.commit ? 'source commit ' + p.commit.slice(0, 10) : null,
      `${p.files} source files, SHA-256 ${p.sha256.slice(0, 12)}…`].filter((x) => x).join(' · ');
  }

  // FutureSim's own metrics of an imported run (its convention and matching), beside ours.
  function futureSimRunSection(id) {
    return deferred(load('runs', id, 'futuresim'), (doc) => {
      const rows = doc.runs.map((r) => {
        const last = r.daily[r.daily.length - 1] || [];
        return h('tr', { class: 'futuresim-run', 'data-agent': r.agent }, h('td', {}, r.agent_name), h('td', {}, r.seed), h('td', {}, r.official_run_id), h('td', {}, last[0] || ''),
          h('td', { class: 'num', 'data-metric': 'brier_skill_score', 'data-value': last[1] }, fixed(last[1], 4)),
          h('td', { class: 'num', 'data-metric': 'top1_accuracy', 'data-value': last[2] }, fixed(last[2], 2)));
      });
      const series = (k) => doc.runs.map((r, i) => ({ name: `${r.agent_name} ${r.seed}`, color: colorOf(i), points: r.daily.filter((x) => x[k] != null).map((x) => [dayNumber(x[0]), x[k]]) }));
      return [h('h2', {}, 'FutureSim\'s view'), doc.provenance ? h('p', { class: 'meta' }, `Imported (${doc.provenance.format}): ${provenanceText(doc.provenance)}.`) : null,
        table(['Agent', 'Seed', 'Official run', 'Last day', 'brier_skill_score', 'top1_accuracy %'], rows, { id: 'futuresim' }),
        tabbedCharts([{ title: 'brier_skill_score', series: series(1), zero: true, caption: 'Daily brier_skill_score, FutureSim\'s convention.' },
          { title: 'top1_accuracy (%)', series: series(2), caption: 'Daily top1_accuracy, FutureSim\'s convention.' }]),
        h('p', { class: 'meta' }, doc.convention)];
    });
  }

  // FutureSim's leaderboard over the imported runs: per agent, the means over seeds and their bootstrap standard deviations.
  function futureSimBoardSection() {
    return deferred(load('all', 'futuresim'), (doc) => {
      const last = (a) => a.points[a.points.length - 1] || [];
      const agents = doc.agents.slice().sort((a, b) => (last(b)[1] ?? -Infinity) - (last(a)[1] ?? -Infinity));
      const rows = agents.map((a, i) => h('tr', { class: 'futuresim-agent', 'data-agent': a.slug }, h('td', { class: 'num' }, i + 1), h('td', {}, a.name), h('td', { class: 'num' }, a.seeds), h('td', {}, last(a)[0] || ''),
        h('td', { class: 'num', 'data-metric': 'brier_skill_score' }, `${fixed(last(a)[1], 4)} ± ${fixed(last(a)[2], 4)}`),
        h('td', { class: 'num', 'data-metric': 'top1_accuracy' }, `${fixed(last(a)[3], 2)} ± ${fixed(last(a)[4], 2)}`)));
      const series = (k) => agents.map((a, i) => ({ name: a.name, color: colorOf(i),
        points: a.points.filter((p) => p[k] != null).map((p) => [dayNumber(p[0]), p[k]]),
        band: a.points.filter((p) => p[k] != null && p[k + 1] != null).map((p) => [dayNumber(p[0]), p[k] - p[k + 1], p[k] + p[k + 1]]) }));
      const caption = `Mean over seeds; shaded: ± one bootstrap standard deviation (${doc.resamples} resamples of seeds and questions).`;
      return [h('h2', {}, 'FutureSim\'s view of the imported runs'),
        table(['Rank', 'Agent', 'Seeds', 'Last day', 'brier_skill_score (mean ± std)', 'top1_accuracy % (mean ± std)'], rows, { id: 'futuresim-agents' }),
        tabbedCharts([{ title: 'brier_skill_score', series: series(1), zero: true, caption: caption }, { title: 'top1_accuracy (%)', series: series(3), caption: caption }]),
        h('details', {}, h('summary', {}, 'Per run'), table(['Run', 'Agent', 'Seed', 'Official run', 'brier_skill_score', 'top1_accuracy %'], doc.runs.map((r) => h('tr', {},
          h('td', {}, link(route('run', r.run), r.run)), h('td', {}, r.agent), h('td', {}, r.seed), h('td', {}, r.official_run_id),
          h('td', { class: 'num' }, fixed(r.brier_skill_score, 4)), h('td', { class: 'num' }, fixed(r.top1_accuracy, 2)))))),
        h('p', { class: 'meta' }, doc.convention)];
    });
  }

  async function runPage(id) {
    const doc = await load('runs', id, 'leaderboard');
    const run = doc.run;
    setCrumbs(link('#/', 'Runs'), h('span', {}, run.id));
    watch(run);
    const header = [h('h1', {}, 'Run ', run.id), h('p', { class: 'meta' },
      `${run.status || 'unreadable'} · ${run.days} of ${run.total_days} days${run.first_day ? ` (${run.first_day} … ${run.last_day})` : ''} · ${run.questions} questions · agents: ${run.agents.join(', ')}`)];
    if (run.error) { return header.concat([errorBox(run.error), h('p', {}, link(route('run', id, 'audit'), 'Manifest'))]); }
    const nav = h('p', { class: 'nav' }, link(route('run', id, 'questions'), 'Questions'), ' · ',
      run.agents.map((a, i) => [i ? ', ' : 'Agents: ', link(route('run', id, 'agent', a), a)]), ' · ',
      link('#/compare?ra=' + enc(id) + '&rb=' + enc(id), 'Compare'), ' · ', link(route('run', id, 'audit'), 'Audit and manifest'));
    const usage = doc.usage.length ? [h('h2', {}, 'Model usage'), table(['Agent', 'Days', 'Model calls', 'Input tokens', 'Output tokens', 'Cost'],
      doc.usage.map((u) => h('tr', {}, h('td', {}, u.agent), h('td', { class: 'num' }, u.days), h('td', { class: 'num' }, u.calls), h('td', { class: 'num' }, u.input_tokens),
        h('td', { class: 'num' }, u.output_tokens), h('td', { class: 'num' }, fixed(u.cost, 4)))))] : [];
    const bands = doc.leaderboard ? load('runs', id, 'bands').then((b) => b.bands) : Promise.resolve([]);
    return header.concat([warningsBox(run.warnings), nav], doc.leaderboard ? leaderboardSections(doc.leaderboard, doc.kinds, bands, id) : [], usage,
      run.futuresim && has('runs', id, 'futuresim') ? futureSimRunSection(id) : []);
  }

  async function allPage() {
    setCrumbs(link('#/', 'Runs'), h('span', {}, 'All runs'));
    const doc = await load('all', 'leaderboard');
    return [h('h1', {}, 'Leaderboard over all runs'), h('p', { class: 'meta' }, 'Runs: ', doc.runs.map((r, i) => [i ? ', ' : '', link(route('run', r), r)]))]
      .concat(leaderboardSections(doc.leaderboard, doc.kinds, Promise.resolve(doc.bands), null), doc.futuresim && has('all', 'futuresim') ? futureSimBoardSection() : []);
  }

  async function questionsPage(id) {
    const doc = await load('runs', id, 'questions');
    setCrumbs(link('#/', 'Runs'), link(route('run', id), id), h('span', {}, 'Questions'));
    const filter = h('input', { type: 'search', placeholder: 'Filter by id, title or truth', class: 'filter' });
    const kind = h('select', {}, ['all kinds', 'binary', 'free_form', 'multiple_choice'].map((k) => h('option', { value: k }, k)));
    const rows = doc.questions.map((q) => h('tr', { class: 'question-row', 'data-text': (q.id + ' ' + q.title + ' ' + q.truth).toLowerCase(), 'data-kind': q.kind },
      h('td', {}, link(route('run', id, 'question', q.id), q.id)), h('td', {}, q.title), h('td', {}, q.kind), h('td', {}, q.resolution_date), h('td', {}, q.truth),
      q.scores.map((x) => h('td', { class: 'num' + (x[2] != null ? '' : ' muted') }, x[2] != null ? fixed(x[0]) : '–'))));
    const apply = () => {
      const text = filter.value.toLowerCase(), k = kind.value;
      for (const row of rows) { row.hidden = !(row.dataset.text.includes(text) && (k === 'all kinds' || row.dataset.kind === k)); }
    };
    filter.addEventListener('input', apply); kind.addEventListener('change', apply);
    return [h('h1', {}, 'Questions of ', id), h('p', { class: 'meta' }, `${doc.questions.length} questions. Score on the last completed day: Brier for binary questions (lower is better), BSS otherwise (higher is better); – no forecast.`),
      h('p', {}, filter, ' ', kind), table(['Question', 'Title', 'Kind', 'Resolves', 'Truth'].concat(doc.agents), rows, { id: 'questions' })];
  }

  async function questionPage(id, qid) {
    const doc = await load('runs', id, 'questions', qid);
    const q = doc.question;
    setCrumbs(link('#/', 'Runs'), link(route('run', id), id), link(route('run', id, 'questions'), 'Questions'), h('span', {}, q.id));
    const resolution = q.resolved_on || q.resolution_date;
    const opens = Math.max(dayNumber(q.opens_at.slice(0, 10)), doc.first_day ? dayNumber(doc.first_day) : -Infinity);
    const end = Math.min(dayNumber(resolution), doc.last_day ? dayNumber(doc.last_day) + 1 : Infinity);
    const series = doc.agents.flatMap((a, i) => [
      { name: a.agent, color: colorOf(i), step: true, markers: true, until: end, points: a.points.filter((p) => p[1] != null).map((p) => [dayNumber(p[0]), p[1]]) },
      { name: a.agent + ' (top outcome)', color: colorOf(i), step: true, dashed: true, until: end, points: a.points.filter((p) => p[3].length).map((p) => [dayNumber(p[0]), p[3][0][1]]) },
    ]).filter((x) => x.points.length);
    const articles = doc.agents.flatMap((a, i) => a.articles.map((x) => Object.assign({ agent: a.agent, color: colorOf(i), row: i }, x)));
    const strip = (X, Y, bottom) => s('g', { class: 'article-strip' }, articles.map((x) => {
      const cx = X(Math.max(dayNumber(x.visible_at), opens - 0.5));
      return s('a', { href: route('run', id, 'article', x.id), class: 'article-mark' },
        s('rect', { x: cx - 2.5, y: bottom - 10 - 6 * (x.row % 4), width: 5, height: 5, fill: x.color },
          s('title', {}, `${x.agent}: ${x.title || x.id} (visible ${instantText(x.visible_at)})`)));
    }));
    const chart = series.length
      ? lineChart({ series: series, yRange: [0, 1], xExtra: [opens, end], verticals: [{ x: dayNumber(resolution), label: (q.resolved_on ? 'resolved ' : 'resolves ') + resolution }],
        overlay: strip, label: 'probability of the truth', yLabel: 'p(truth)',
        caption: 'Solid: each agent\'s probability of the eventual truth, held from each forecast day (dots) until the next; dashed: the probability of its top outcome (named in the tables below); squares at the bottom: articles that led to its submissions, at the instant they became visible.' })
      : h('p', { class: 'muted' }, 'No agent forecast this question.');
    const sections = doc.agents.map((a, i) => h('section', { class: 'agent-forecasts', 'data-agent': a.agent },
      h('h3', {}, h('span', { class: 'swatch', color: colorOf(i) }), link(route('run', id, 'agent', a.agent), a.agent),
        a.final[2] != null ? ` — final score ${fixed(a.final[0])}, p(truth) ${fixed(a.final[1])}` : ' — no forecast'),
      a.points.length ? table(['Day', 'p(truth)', 'Top outcomes', 'Score'], a.points.map((p) => h('tr', { class: 'forecast-row' },
        h('td', {}, link(route('run', id, 'agent', a.agent, 'day', p[0]), p[0])), h('td', { class: 'num' }, fixed(p[1])),
        h('td', {}, p[3].map((o) => `${o[0]} ${fixed(o[1], 2)}`).join(' · ')), h('td', { class: 'num' }, fixed(p[2]))))) : null,
      a.articles.length ? [h('h4', {}, 'Articles that led to its submissions'), h('ul', { class: 'articles' }, a.articles.map((x) => h('li', {},
        h('span', { class: 'when' }, instantText(x.visible_at)), ' ', h('a', { href: route('run', id, 'article', x.id), class: 'article-link', 'data-article': x.id }, x.title || x.id),
        h('span', { class: 'muted' }, ` — first on ${x.first_day}${x.times > 1 ? `, ${x.times} times` : ''}${x.read ? ', read in full' : ''}`))))] : null));
    const view = [h('h1', { class: 'question-title' }, q.title), h('p', { class: 'meta' },
      `${q.id} · ${q.kind}${q.set ? ' · ' + q.set : ''} · opens ${instantText(q.opens_at)} · ${q.resolved_on ? 'resolved ' + q.resolved_on : 'resolves ' + q.resolution_date + ' (after the run)'}`),
      h('p', { class: 'truth' }, 'Truth: ', h('strong', {}, q.truth), q.aliases.length ? ` (also: ${q.aliases.join(', ')})` : '',
        q.crowd ? ` · crowd p(Yes) ${fixed(q.crowd.probability_yes)} from ${instantText(q.crowd.available_from)}` : ''),
      q.background || q.resolution_criteria ? h('details', {}, h('summary', {}, 'Background and resolution criteria'), h('p', {}, q.background), h('p', {}, q.resolution_criteria)) : null,
      doc.articles_note ? h('p', { class: 'warning' }, doc.articles_note) : null, chart, sections];
    return view;
  }

  async function agentPage(id, agent) {
    const doc = await load('runs', id, 'agents', agent);
    setCrumbs(link('#/', 'Runs'), link(route('run', id), id), h('span', {}, agent));
    const rows = doc.days.map((d) => h('tr', { class: 'day-row' + (d.failures.length ? ' failed' : '') },
      h('td', {}, link(route('run', id, 'agent', agent, 'day', d.day), d.day)), h('td', { class: 'num' }, d.calls), h('td', { class: 'num' }, d.searches), h('td', { class: 'num' }, d.reads),
      h('td', { class: 'num' }, d.submissions), h('td', { class: 'num' }, d.refusals), h('td', { class: 'num' }, d.errors), h('td', {}, d.failures.join(', ')), h('td', {}, d.notes ? 'yes' : ''),
      h('td', { class: 'num' }, d.model_calls ?? ''), h('td', { class: 'num' }, d.input_tokens ?? ''), h('td', { class: 'num' }, d.output_tokens ?? ''), h('td', { class: 'num' }, d.cost == null ? '' : fixed(d.cost, 4)),
      h('td', { class: 'num' }, fixed(d.bss)), h('td', { class: 'num' }, fixed(d.brier))));
    return [h('h1', {}, 'Agent ', agent), h('p', { class: 'meta' }, `kind ${doc.kind}`, Object.keys(doc.settings).length ? ' · ' + Object.entries(doc.settings).map(([k, v]) => `${k}=${v}`).join(', ') : ''),
      table(['Day', 'Calls', 'Searches', 'Reads', 'Submissions', 'Refusals', 'Errors', 'Failures', 'Notes', 'Model calls', 'Input tokens', 'Output tokens', 'Cost', 'BSS', 'Brier'], rows, { id: 'days' })];
  }

  function argumentsText(call) {
    const a = call.arguments || {};
    if (call.tool === 'search_news' && a.query !== undefined) { return `"${a.query}"` + (a.max_results ? ` top ${a.max_results}` : '') + (a.from_date ? ` from ${a.from_date}` : '') + (a.to_date ? ` to ${a.to_date}` : ''); }
    if (call.tool === 'submit_forecasts' && a.question_id !== undefined) { return a.question_id + ': ' + Object.entries(a.outcomes || {}).map(([k, v]) => `${k} ${v}`).join(' · '); }
    return JSON.stringify(a);
  }

  async function dayPage(id, agent, day) {
    const [doc, index] = await Promise.all([load('runs', id, 'agents', agent, 'days', day), load('runs', id, 'articles')]);
    const article = (x) => index.articles[x] || [];
    setCrumbs(link('#/', 'Runs'), link(route('run', id), id), link(route('run', id, 'agent', agent), agent), h('span', {}, day));
    const items = doc.items.map((item) => {
      if (item.type === 'notes') { return h('li', { class: 'item notes' }, h('strong', {}, 'notes at the end of the day: '), h('pre', {}, item.text)); }
      if (item.type === 'failure') { return h('li', { class: 'item failure' }, h('strong', {}, `day failed (${item.kind}): `), item.message); }
      const questionLink = (qid) => has('runs', id, 'questions', qid) ? link(route('run', id, 'question', qid), qid) : qid;
      if (item.type === 'submission') {
        return h('li', { class: 'item submission' }, h('strong', {}, 'forecast '), questionLink(item.question), ': ', item.outcomes.map((o) => `${o[0]} ${fixed(o[1], 2)}`).join(' · '));
      }
      if (item.type === 'refusal') { return h('li', { class: 'item refused' }, h('strong', {}, 'refused '), questionLink(item.question), h('div', { class: 'bad' }, item.reason)); }
      const qid = item.tool === 'submit_forecasts' && item.arguments && item.arguments.question_id;
      return h('li', { class: 'item call' + (item.error ? ' refused' : ''), 'data-tool': item.tool },
        h('span', { class: 'seq' }, '#' + item.seq), ' ', h('code', {}, item.tool), ' ',
        qid && has('runs', id, 'questions', qid) ? link(route('run', id, 'question', qid), argumentsText(item)) : argumentsText(item),
        item.error ? h('div', { class: 'bad' }, (item.tool === 'submit_forecasts' ? 'refused: ' : 'error: ') + item.error) : null,
        item.notices ? h('div', { class: 'muted' }, item.notices.join(' ')) : null,
        item.articles ? h('ol', { class: 'returned' }, item.articles.map((x) => h('li', {}, link(route('run', id, 'article', x), article(x)[1] || x), h('span', { class: 'muted' }, ' visible ' + instantText(article(x)[0]))))) : null);
    });
    const calls = doc.model_calls.map((c) => h('li', { class: 'item model-call' }, h('span', { class: 'seq' }, '#' + c.seq), ` ${c.model || ''} · ${c.input_tokens ?? '?'} in / ${c.output_tokens ?? '?'} out tokens · ${c.finish_reason || ''}`,
      c.failure ? h('div', { class: 'bad' }, `${c.failure.kind}: ${c.failure.message}`) : null,
      c.reply ? h('pre', {}, c.reply) : null, c.tool_calls.length ? h('div', {}, 'asked for: ', c.tool_calls.map((t) => `${t.name}(${t.arguments})`).join(', ')) : null,
      c.new_messages.length ? h('details', {}, h('summary', {}, `${c.new_messages.length} new message(s) in the request`), h('pre', {}, c.new_messages.map((m) => JSON.stringify(m)).join('\n'))) : null));
    return [h('h1', {}, `${agent} on ${day}`), h('p', { class: 'meta' }, `as of ${instantText(doc.as_of)} · `,
      doc.previous ? link(route('run', id, 'agent', agent, 'day', doc.previous), '← ' + doc.previous) : null, doc.previous && doc.next ? ' · ' : '',
      doc.next ? link(route('run', id, 'agent', agent, 'day', doc.next), doc.next + ' →') : null),
      doc.usage ? h('p', {}, `Model usage: ${doc.usage.calls} calls, ${doc.usage.input_tokens} input and ${doc.usage.output_tokens} output tokens, cost ${fixed(doc.usage.cost, 4)}`) : null,
      index.note ? h('p', { class: 'warning' }, index.note) : null,
      doc.calls_recorded || !items.length
        ? [h('h2', {}, 'Tool calls in order'), items.length ? h('ol', { class: 'calls' }, items) : h('p', { class: 'muted' }, 'No tool call this day.')]
        : [h('h2', {}, 'Forecasts and refusals in order'), h('p', { class: 'meta' }, 'The run holds no tool calls of this day (an imported run records only what was delivered).'), h('ol', { class: 'calls' }, items)],
      doc.model_calls_problem ? h('p', { class: 'bad' }, doc.model_calls_problem) : null,
      calls.length ? [h('h2', {}, 'Model calls'), h('ol', { class: 'calls' }, calls)] : null];
  }

  async function articlePage(id, articleId) {
    const doc = await load('runs', id, 'articles', articleId);
    setCrumbs(link('#/', 'Runs'), link(route('run', id), id), h('span', {}, 'Article ' + doc.id));
    return [h('h1', { class: 'article-title' }, doc.title || doc.id), doc.note ? h('p', { class: 'warning' }, doc.note) : null,
      h('p', { class: 'meta' }, [doc.source, 'visible ' + instantText(doc.visible_at), doc.published_on ? 'dated ' + doc.published_on : null, doc.category].filter((x) => x).join(' · ')),
      doc.url ? h('p', {}, h('a', { href: doc.url, rel: 'noreferrer noopener', target: '_blank' }, doc.url)) : null,
      doc.body ? h('div', { class: 'article-body' }, doc.body.split(/\n+/).map((p) => h('p', {}, p))) : null,
      doc.references.length ? [h('h2', {}, 'References'), h('ul', {}, doc.references.map((r) => h('li', {}, r.url ? h('a', { href: r.url, rel: 'noreferrer noopener', target: '_blank' }, r.name) : r.name)))] : null,
      h('h2', {}, 'Returned to agents in this run'), doc.retrieved_by.length ? table(['Agent', 'Times', 'Read in full', 'Days'], doc.retrieved_by.map((r) => h('tr', {},
        h('td', {}, r.agent), h('td', { class: 'num' }, r.times), h('td', { class: 'num' }, r.read),
        h('td', {}, r.days.map((d, i) => [i ? ', ' : '', link(route('run', id, 'agent', r.agent, 'day', d), d)]))))) : h('p', { class: 'muted' }, 'No agent was returned this article.')];
  }

  async function auditPage(id) {
    const doc = await load('runs', id, 'audit');
    setCrumbs(link('#/', 'Runs'), link(route('run', id), id), h('span', {}, 'Audit'));
    return [h('h1', {}, 'Audit of ', id), doc.run.error ? errorBox(doc.run.error) : null, warningsBox(doc.run.warnings),
      h('h2', {}, 'Possible answer leaks in the question set'),
      h('p', { class: 'meta' }, 'An answer (or alias) found word for word in a question\'s own text, or in another question listed before it resolves.'),
      doc.leaks.length ? table(['Question', 'Answer', 'Found in', 'Field', 'Excerpt'], doc.leaks.map((l) => h('tr', { class: 'leak' },
        h('td', {}, has('runs', id, 'questions', l.question) ? link(route('run', id, 'question', l.question), l.question) : l.question), h('td', {}, l.term),
        h('td', {}, l.own ? 'its own text' : l.found_in), h('td', {}, l.field), h('td', {}, l.excerpt))), { id: 'leaks' }) : h('p', {}, 'None found.'),
      doc.question_sets ? [h('h2', {}, 'Question sets'), table(['Name', 'File', 'SHA-256', 'Questions'], doc.question_sets.map((q) => h('tr', {}, h('td', {}, q.name), h('td', {}, q.file), h('td', {}, h('code', {}, q.sha256)), h('td', { class: 'num' }, q.questions))))] : null,
      h('h2', {}, 'Manifest'), doc.manifest ? h('pre', { class: 'manifest' }, JSON.stringify(doc.manifest, null, 2)) : h('p', { class: 'muted' }, 'The manifest could not be read.')];
  }

  async function comparePage(query) {
    setCrumbs(link('#/', 'Runs'), h('span', {}, 'Compare'));
    const runs = (await load('runs')).runs.filter((r) => !r.error);
    const params = new URLSearchParams(query);
    const pick = (name, fallback) => params.get(name) || fallback;
    const ra = pick('ra', runs[0] && runs[0].id), rb = pick('rb', ra);
    const runA = runs.find((r) => r.id === ra) || runs[0], runB = runs.find((r) => r.id === rb) || runA;
    if (!runA) { return [h('p', {}, 'No readable run to compare.')]; }
    const a = pick('a', runA.agents[0]), b = pick('b', runB.agents[Math.min(1, runB.agents.length - 1)]);
    const selector = (name, value, options) => h('select', { name: name }, options.map((o) => h('option', { value: o, selected: o === value }, o)));
    const form = h('form', { class: 'compare-form' }, 'A: ', selector('ra', runA.id, runs.map((r) => r.id)), ' ', selector('a', a, runA.agents),
      ' B: ', selector('rb', runB.id, runs.map((r) => r.id)), ' ', selector('b', b, runB.agents), ' ', h('button', { type: 'submit' }, 'Compare'));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      location.hash = '#/compare?' + new URLSearchParams(new FormData(form)).toString();
    });
    const [qa, qb] = await Promise.all([load('runs', runA.id, 'questions'), load('runs', runB.id, 'questions')]);
    const ia = qa.agents.indexOf(a), ib = qb.agents.indexOf(b);
    const byId = new Map(qb.questions.map((q) => [q.id, q]));
    const rows = [];
    for (const q of qa.questions) {
      const other = byId.get(q.id);
      if (!other || ia < 0 || ib < 0) { continue; }
      const sa = q.scores[ia][0], sb = other.scores[ib][0];
      if (sa == null && sb == null) { continue; }
      // Positive: A did better (higher BSS; lower Brier on binary questions).
      const diff = sa == null || sb == null ? null : q.kind === 'binary' ? sb - sa : sa - sb;
      rows.push({ q: q, sa: sa, sb: sb, diff: diff });
    }
    rows.sort((x, y) => Math.abs(y.diff ?? 0) - Math.abs(x.diff ?? 0) || (x.q.id < y.q.id ? -1 : 1));
    const kinds = ['free_form', 'multiple_choice', 'binary'];
    const summary = kinds.map((k) => {
      const of = rows.filter((r) => r.q.kind === k && r.diff != null);
      if (!of.length) { return null; }
      const mean = of.reduce((t, r) => t + r.diff, 0) / of.length;
      return h('li', {}, `${k}: ${of.length} questions scored by both; mean advantage of A ${signed(mean)} (${k === 'binary' ? 'Brier' : 'BSS'}); A better on ${of.filter((r) => r.diff > 0).length}, B on ${of.filter((r) => r.diff < 0).length}`);
    });
    return [h('h1', {}, 'Compare two agents'), form, h('ul', {}, summary),
      h('p', { class: 'meta' }, 'Questions both runs share, by the largest difference first. Score on the last completed day (Brier for binary, BSS otherwise); advantage of A: BSS_A − BSS_B, or Brier_B − Brier_A on binary questions.'),
      table(['Question', 'Kind', 'Title', `A: ${a}`, `B: ${b}`, 'Advantage of A'], rows.map((r) => h('tr', { class: 'compare-row' },
        h('td', {}, link(route('run', runA.id, 'question', r.q.id), r.q.id)), h('td', {}, r.q.kind), h('td', {}, r.q.title),
        h('td', { class: 'num' }, fixed(r.sa)), h('td', { class: 'num' }, fixed(r.sb)), h('td', { class: 'num ' + (r.diff > 0 ? 'good' : r.diff < 0 ? 'bad' : '') }, signed(r.diff)))), { id: 'compare' })];
  }

  // ---- Routing and live refresh ------------------------------------------------------------------------

  function watch(run) {
    if (REPORT || poll || run.complete || run.error) { return; }
    let stamp = run.stamp;
    poll = setInterval(async () => {
      try {
        const status = await load('runs', run.id, 'status');
        live.textContent = status.complete ? '' : `live: ${status.days} day(s) so far`;
        if (stamp !== undefined && status.stamp !== stamp) { stamp = status.stamp; render(true); }
        stamp = status.stamp;
        if (status.complete) { live.textContent = ''; }
      } catch (e) {
        live.textContent = 'viewer unreachable';
      }
    }, 2000);
  }

  async function render(keepScroll) {
    const token = ++renderToken;
    const route = location.hash;
    const hash = location.hash.slice(1) || '/';
    const [pathPart, query] = location.hash.slice(1).split('?');
    let parts;
    try { parts = (pathPart || '/').split('/').filter((x) => x).map(decodeURIComponent); } catch (e) { parts = ['?']; }
    if (!keepScroll && poll) { clearInterval(poll); poll = null; live.textContent = ''; }
    const scroll = window.scrollY;
    let view;
    try {
      if (parts.length === 0) { view = await homePage(); }
      else if (parts[0] === 'all') { view = await allPage(); }
      else if (parts[0] === 'compare') { view = await comparePage(query || ''); }
      else if (parts[0] === 'run' && parts.length === 2) { view = await runPage(parts[1]); }
      else if (parts[0] === 'run' && parts[2] === 'questions') { view = await questionsPage(parts[1]); }
      else if (parts[0] === 'run' && parts[2] === 'question') { view = await questionPage(parts[1], parts[3]); }
      else if (parts[0] === 'run' && parts[2] === 'agent' && parts.length === 4) { view = await agentPage(parts[1], parts[3]); }
      else if (parts[0] === 'run' && parts[2] === 'agent' && parts[4] === 'day') { view = await dayPage(parts[1], parts[3], parts[5]); }
      else if (parts[0] === 'run' && parts[2] === 'article') { view = await articlePage(parts[1], parts[3]); }
      else if (parts[0] === 'run' && parts[2] === 'audit') { view = await auditPage(parts[1]); }
      else { throw new NotFound(hash); }
    } catch (e) {
      view = e instanceof NotFound
        ? [h('h1', {}, 'Not found'), h('p', {}, 'Nothing here: ', h('code', {}, hash), '. ', link('#/', 'Back to the runs.'))]
        : [h('h1', {}, 'Could not show this page'), h('p', { class: 'bad' }, String(e.message || e))];
    }
    if (token !== renderToken) { return; }
    app.replaceChildren(...[view].flat(Infinity).filter((x) => x != null && x !== undefined && x !== false).map((x) => x instanceof Node ? x : document.createTextNode(String(x))));
    document.body.dataset.route = route; // which page was drawn (the browser tests wait for theirs)
    document.body.dataset.rendered = String(token);
    if (keepScroll) { window.scrollTo(0, scroll); } else { window.scrollTo(0, 0); }
  }

  window.addEventListener('hashchange', () => render(false));
  render(false);
})();
