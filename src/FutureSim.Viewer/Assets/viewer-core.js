// FutureSim run viewer: renders the documents of a run folder (served under api/ by `futuresim view`, or
// embedded by `futuresim report`) as pages with hand-drawn SVG charts. No external scripts, fonts or requests.
// This is the first part of the script; ViewerAssets joins the parts, in order, into one strict function.

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
