// Part of the FutureSim run viewer's script: routing and live refresh; the last part, it draws the first page.
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
