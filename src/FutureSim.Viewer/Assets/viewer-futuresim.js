// Part of the FutureSim run viewer's script: FutureSim's own view of imported runs.
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
