// Part of the FutureSim run viewer's script: questions, agents, days, articles, audit and comparison pages.
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
