// Part of the FutureSim run viewer's script: the run list, a run's leaderboard and the leaderboard over all runs.
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
