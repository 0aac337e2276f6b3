// Veracity report: draws the JSON model of the page as tables and inline SVG charts.
// Every value from the data goes into the page through textContent or an attribute, never parsed as markup.
(function () {
  'use strict';
  var started = performance.now();
  var SVG = 'http://www.w3.org/2000/svg';
  var COLORS = ['#3b6fe0', '#f08c00', '#0ca678', '#9c36b5', '#1098ad', '#74b816', '#d6336c', '#a0522d'];
  var PAGE_SIZE = 25;
  var FIRST_VALUES = 12;
  var data = JSON.parse(document.getElementById('report-data').textContent);
  if (data.version !== 1) {
    throw new Error('Unsupported report data version ' + data.version);
  }
  var datasets = data.datasets;
  var features = data.features;
  var slices = [];
  datasets.forEach(function (d) { if (d.slice && slices.indexOf(d.slice) < 0) { slices.push(d.slice); } });
  var state = {
    visible: datasets.map(function (d) { return !d.slice || d.slice === 'All Examples' || slices.indexOf('All Examples') < 0; }),
    slice: slices.indexOf('All Examples') >= 0 ? 'All Examples' : '',
    query: '', kind: 'all', anomaliesOnly: false,
    sort: anomalyCount() > 0 ? 'anomalies' : 'order', descending: true,
    page: 0, histogram: 'standard', log: false, expanded: {}
  };
  if (state.sort === 'order') { state.descending = false; }

  // ---------- small DOM helpers ----------
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }
  function add(parent) {
    for (var i = 1; i < arguments.length; i++) { if (arguments[i]) { parent.appendChild(arguments[i]); } }
    return parent;
  }
  function append(parent, child) { parent.appendChild(child); return child; }
  function svg(tag, attributes, text) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attributes || {}).forEach(function (k) { node.setAttribute(k, String(attributes[k])); });
    if (text !== undefined) { node.textContent = String(text); }
    return node;
  }
  function tooltip(node, text) { node.appendChild(svg('title', {}, text)); return node; }
  function color(i) { return COLORS[i % COLORS.length]; }
  function swatch(i) { var s = el('span', 'swatch'); s.style.background = color(i); return s; }

  // ---------- numbers ----------
  function num(x) { return typeof x === 'string' ? Number(x) : x; }
  function fmt(x) {
    x = num(x);
    if (x === null || x === undefined) { return '\u2013'; }
    if (isNaN(x)) { return 'NaN'; }
    if (!isFinite(x)) { return x > 0 ? '\u221e' : '\u2212\u221e'; }
    if (Number.isInteger(x) && Math.abs(x) < 1e15) { return x.toLocaleString('en-US'); }
    var a = Math.abs(x);
    if (a !== 0 && (a < 1e-3 || a >= 1e9)) { return x.toExponential(2); }
    return Number(x.toPrecision(4)).toLocaleString('en-US', { maximumFractionDigits: 6 });
  }
  function pct(f) {
    f = num(f);
    if (f === null || f === undefined || isNaN(f)) { return '\u2013'; }
    var p = f * 100;
    return (p > 0 && p < 0.1 ? p.toPrecision(1) : p.toFixed(1)) + '%';
  }
  function short(text, n) { text = String(text); return text.length > n ? text.slice(0, n - 1) + '\u2026' : text; }

  // ---------- derived values ----------
  function anomalyCount() {
    var n = data.datasetAnomalies.length;
    features.forEach(function (f) { n += f.anomalies.length; });
    return n;
  }
  function visibleIndexes() {
    var out = [];
    state.visible.forEach(function (v, i) { if (v) { out.push(i); } });
    return out;
  }
  function maxOver(f, value) {
    var best = null;
    visibleIndexes().forEach(function (i) {
      var v = value(f, i);
      if (v !== null && v !== undefined && !isNaN(v) && (best === null || v > best)) { best = v; }
    });
    return best;
  }
  function statValue(key) {
    return function (f, i) { var s = f.stats[i]; return s ? num(s[key]) : null; };
  }
  function distanceValue(key) {
    return function (f, i) { var d = f.distances[i]; return d && d[key] !== undefined ? num(d[key]) : null; };
  }
  var SORTS = {
    order: { label: 'Feature order', key: function (f) { return f.index; } },
    name: { label: 'Name', key: function (f) { return f.name.toLowerCase(); } },
    anomalies: { label: 'Anomalies', key: function (f) { return f.anomalies.length; } },
    missing: { label: 'Missing %', key: function (f) { return maxOver(f, statValue('missing')); } },
    nonUniformity: { label: 'Non-uniformity', key: function (f) { return maxOver(f, statValue('nonUniformity')); } },
    js: { label: 'Distance: Jensen-Shannon', key: function (f) { return maxOver(f, distanceValue('js')); } },
    linf: { label: 'Distance: L-infinity', key: function (f) { return maxOver(f, distanceValue('linf')); } }
  };
  features.forEach(function (f, i) { f.index = i; });

  function selectedFeatures() {
    var query = state.query.trim().toLowerCase();
    var list = features.filter(function (f) {
      if (query && f.name.toLowerCase().indexOf(query) < 0) { return false; }
      if (state.kind !== 'all' && f.kind !== state.kind) { return false; }
      if (state.anomaliesOnly && f.anomalies.length === 0) { return false; }
      return true;
    });
    var sort = SORTS[state.sort];
    var keyed = list.map(function (f) { return { f: f, k: sort.key(f) }; });
    var sign = state.descending ? -1 : 1;
    keyed.sort(function (a, b) {
      var aMissing = a.k === null || a.k === undefined;
      var bMissing = b.k === null || b.k === undefined;
      if (aMissing !== bMissing) { return aMissing ? 1 : -1; } // no value: always last
      if (!aMissing && a.k !== b.k) { return (a.k < b.k ? -1 : 1) * sign; }
      return a.f.index - b.f.index;
    });
    var sorted = keyed.map(function (x) { return x.f; });
    return state.sort === 'order' ? nested(sorted) : sorted;
  }

  // struct children right after their parent, each level in the order given
  function nested(list) {
    var shown = {};
    list.forEach(function (f) { shown[f.name] = true; });
    var out = [];
    function visit(f) {
      out.push(f);
      list.forEach(function (c) { if (c.parent === f.name) { visit(c); } });
    }
    list.forEach(function (f) { if (!f.parent || !shown[f.parent]) { visit(f); } });
    return out;
  }

  function depth(f) {
    var d = 0;
    var byName = {};
    features.forEach(function (g) { byName[g.name] = g; });
    for (var p = f.parent; p && d < 8; p = byName[p] ? byName[p].parent : null) { d++; }
    return d;
  }

  // ---------- the page ----------
  var app = document.getElementById('app');
  var list, status, pager;
  document.title = data.title;

  function header() {
    add(app, el('h1', null, data.title));
    var numeric = features.filter(function (f) { return f.kind === 'numeric'; }).length;
    var categorical = features.filter(function (f) { return f.kind === 'categorical'; }).length;
    add(app, el('p', 'subtitle', features.length.toLocaleString('en-US') + ' features (' + numeric + ' numeric, '
        + categorical + ' categorical) in ' + datasets.length + (datasets.length === 1 ? ' dataset' : ' datasets')
        + '. Distances compare each dataset with ' + datasets[0].name + '.'));
    var cards = append(app, el('div', 'cards'));
    var dsCard = append(cards, el('div', 'card'));
    add(dsCard, el('div', 'label', 'Datasets'));
    var legend = append(dsCard, el('div', 'legend'));
    datasets.forEach(function (d, i) {
      var item = append(legend, el('span', 'dataset-legend'));
      add(item, swatch(i), document.createTextNode(d.name + ' \u00b7 ' + fmt(d.examples) + ' examples'));
    });
    var total = anomalyCount();
    var aCard = append(cards, el('div', 'card ' + (total > 0 ? 'bad' : 'good')));
    aCard.id = 'summary-anomalies';
    add(aCard, el('div', 'label', 'Anomalies'), el('div', 'value', total));
    var withAnomalies = features.filter(function (f) { return f.anomalies.length > 0; }).length;
    add(aCard, el('div', 'detail', withAnomalies + ' features, ' + data.datasetAnomalies.length + ' dataset-level'));
    var over = data.driftSkew.filter(function (m) { return num(m.value) > num(m.threshold); }).length;
    var dCard = append(cards, el('div', 'card' + (over > 0 ? ' bad' : '')));
    add(dCard, el('div', 'label', 'Drift and skew'), el('div', 'value', data.driftSkew.length));
    add(dCard, el('div', 'detail', data.driftSkew.length === 0 ? 'no comparator measurements'
        : over + ' over threshold'));
    if (data.datasetAnomalies.length > 0) {
      var panel = append(app, el('section', 'panel bad'));
      panel.id = 'dataset-anomalies';
      add(panel, el('h2', null, 'Dataset anomalies'));
      add(panel, anomalyList(data.datasetAnomalies));
    }
    if (data.driftSkew.length > 0) { add(app, driftTable()); }
  }

  function driftTable() {
    var panel = el('section', 'panel drift');
    panel.id = 'drift-skew';
    add(panel, el('h2', null, 'Drift and skew measurements'));
    var table = append(panel, el('table'));
    var head = append(table, el('tr'));
    ['Feature', 'Comparator', 'Metric', 'Value', 'Threshold', ''].forEach(function (h, i) { add(head, el('th', i < 3 ? 'left' : null, h)); });
    data.driftSkew.forEach(function (m) {
      var over = num(m.value) > num(m.threshold);
      var row = append(table, el('tr'));
      add(row, el('td', 'text', m.feature), el('td', 'left', m.kind), el('td', 'left', m.metric),
          el('td', over ? 'over' : null, fmt(m.value)), el('td', null, fmt(m.threshold)),
          el('td', over ? 'over' : null, over ? 'over threshold' : 'under'));
    });
    return panel;
  }

  function anomalyList(anomalies) {
    var box = el('div', 'anomalies');
    anomalies.forEach(function (a) {
      var item = append(box, el('div', 'anomaly'));
      add(item, el('span', 'chip ' + (a.severity === 'WARNING' ? 'warn' : 'bad'), a.severity), document.createTextNode(' '),
          el('span', 'title', a.short || 'Anomaly'));
      // the description of an anomaly repeats its reasons' descriptions: show the reasons when there are any
      if (a.description && a.reasons.length === 0) { add(item, el('div', 'text', a.description)); }
      a.reasons.forEach(function (r) {
        var line = append(item, el('div', 'text'));
        add(line, el('span', 'type', r.type), document.createTextNode(r.description ? ': ' + r.description : ''));
      });
    });
    return box;
  }

  function toolbar() {
    var bar = append(app, el('div', 'toolbar'));
    var search = el('input');
    search.type = 'search';
    search.id = 'search';
    search.placeholder = 'Search features';
    search.addEventListener('input', function () { state.query = search.value; state.page = 0; renderList(); });
    add(bar, search);
    add(bar, labelled('Show', select('kind-filter', [['all', 'All features'], ['numeric', 'Numeric'],
      ['categorical', 'Categorical'], ['other', 'Other']], state.kind, function (v) { state.kind = v; state.page = 0; renderList(); })));
    var sortOptions = Object.keys(SORTS).map(function (k) { return [k, SORTS[k].label]; });
    var sortSelect = select('sort-key', sortOptions, state.sort, function (v) {
      state.sort = v;
      state.descending = v !== 'name' && v !== 'order';
      order.textContent = state.descending ? '\u2193 desc' : '\u2191 asc';
      state.page = 0;
      renderList();
    });
    var order = el('button', null, state.descending ? '\u2193 desc' : '\u2191 asc');
    order.id = 'sort-order';
    order.title = 'Reverse the order';
    order.addEventListener('click', function () {
      state.descending = !state.descending;
      order.textContent = state.descending ? '\u2193 desc' : '\u2191 asc';
      renderList();
    });
    add(bar, labelled('Sort by', sortSelect), order);
    var only = el('input');
    only.type = 'checkbox';
    only.id = 'anomalies-only';
    only.addEventListener('change', function () { state.anomaliesOnly = only.checked; state.page = 0; renderList(); });
    var onlyLabel = add(el('label'), only, document.createTextNode('With anomalies only'));
    add(bar, onlyLabel);
    add(bar, labelled('Histogram', segmented('histogram-mode', [['standard', 'equal-width'], ['quantiles', 'quantiles']],
      function () { return state.histogram; }, function (v) { state.histogram = v; renderList(); })));
    add(bar, labelled('Scale', segmented('histogram-scale', [['linear', 'linear'], ['log', 'log']],
      function () { return state.log ? 'log' : 'linear'; }, function (v) { state.log = v === 'log'; renderList(); })));
    if (slices.length > 0) {
      var options = [['', 'All slices']].concat(slices.map(function (s) { return [s, s]; }));
      add(bar, labelled('Slice', select('slice-picker', options, state.slice, function (v) {
        state.slice = v;
        state.visible = datasets.map(function (d) { return v === '' || d.slice === v || !d.slice; });
        renderChips();
        renderList();
      })));
    }
    var chips = append(bar, el('span', 'legend'));
    chips.id = 'dataset-toggles';
    function renderChips() {
      chips.textContent = '';
      datasets.forEach(function (d, i) {
        var chip = append(chips, el('button', 'chip' + (state.visible[i] ? '' : ' off')));
        chip.title = (state.visible[i] ? 'Hide ' : 'Show ') + d.name;
        add(chip, swatch(i), document.createTextNode(d.name));
        chip.addEventListener('click', function () {
          state.visible[i] = !state.visible[i];
          if (visibleIndexes().length === 0) { state.visible[i] = true; }
          renderChips();
          renderList();
        });
      });
    }
    renderChips();
  }
  function labelled(text, control) { return add(el('label', null, text), control); }
  function select(id, options, value, change) {
    var s = el('select');
    s.id = id;
    options.forEach(function (o) { var opt = append(s, el('option', null, o[1])); opt.value = o[0]; });
    s.value = value;
    s.addEventListener('change', function () { change(s.value); });
    return s;
  }
  function segmented(id, options, current, change) {
    var group = el('span', 'segmented');
    group.id = id;
    options.forEach(function (o) {
      var b = append(group, el('button', current() === o[0] ? 'on' : null, o[1]));
      b.setAttribute('data-value', o[0]);
      b.addEventListener('click', function () {
        change(o[0]);
        Array.prototype.forEach.call(group.children, function (c) { c.className = c === b ? 'on' : ''; });
      });
    });
    return group;
  }

  // ---------- the feature list, a page at a time; charts drawn when they scroll into view ----------
  var observer = 'IntersectionObserver' in window ? new IntersectionObserver(function (entries) {
    entries.forEach(function (e) {
      if (e.isIntersecting) { observer.unobserve(e.target); drawChart(e.target); }
    });
  }, { rootMargin: '300px' }) : null;

  function renderList() {
    if (observer) { observer.disconnect(); }
    var selected = selectedFeatures();
    var pages = Math.max(1, Math.ceil(selected.length / PAGE_SIZE));
    state.page = Math.min(state.page, pages - 1);
    var from = state.page * PAGE_SIZE;
    var shown = selected.slice(from, from + PAGE_SIZE);
    status.firstChild.textContent = selected.length === 0 ? 'No feature matches.'
      : 'Showing ' + (from + 1) + '\u2013' + (from + shown.length) + ' of ' + selected.length.toLocaleString('en-US')
        + ' features' + (selected.length < features.length ? ' (' + features.length.toLocaleString('en-US') + ' in all)' : '');
    renderPager(pages);
    list.textContent = '';
    shown.forEach(function (f) { add(list, featureCard(f)); });
    if (selected.length === 0) { add(list, el('div', 'empty', 'No feature matches the search and filters.')); }
  }
  function renderPager(pages) {
    pager.textContent = '';
    var prev = append(pager, el('button', null, '\u2190 Previous'));
    prev.id = 'page-previous';
    prev.disabled = state.page === 0;
    prev.addEventListener('click', function () { state.page--; renderList(); window.scrollTo(0, list.offsetTop - 80); });
    add(pager, el('span', null, 'Page ' + (state.page + 1) + ' of ' + pages));
    var next = append(pager, el('button', null, 'Next \u2192'));
    next.id = 'page-next';
    next.disabled = state.page >= pages - 1;
    next.addEventListener('click', function () { state.page++; renderList(); window.scrollTo(0, list.offsetTop - 80); });
  }

  function featureCard(f) {
    var card = el('article', 'feature' + (f.anomalies.length > 0 ? ' has-anomalies' : '') + (f.parent ? ' child' : ''));
    card.setAttribute('data-feature', f.name);
    if (f.parent) { card.setAttribute('data-parent', f.parent); card.style.marginLeft = (24 * depth(f)) + 'px'; }
    var head = append(card, el('div', 'feature-head'));
    add(head, el('span', 'feature-name', f.name), el('span', 'chip kind', f.kind));
    var unit = (f.details || []).filter(function (d) { return d && d.unit; })[0];
    if (unit) { add(head, el('span', 'chip unit', unit.unit + ' feature')); }
    if (f.parent) { add(head, el('span', 'chip in-struct', 'in ' + f.parent)); }
    if (f.schema) { add(head, el('span', 'chip', f.schema.type)); }
    if (f.pii) { add(head, el('span', 'chip pii', 'PII \u00b7 values ' + f.pii)); }
    if (f.anomalies.length > 0) {
      add(head, el('span', 'chip bad anomaly-count', f.anomalies.length + (f.anomalies.length === 1 ? ' anomaly' : ' anomalies')));
    }
    var js = maxOver(f, distanceValue('js'));
    if (js !== null) { add(head, el('span', 'chip' + (js > 0.1 ? ' warn' : ''), 'JS ' + fmt(js))); }
    var linf = maxOver(f, distanceValue('linf'));
    if (linf !== null) { add(head, el('span', 'chip' + (linf > 0.1 ? ' warn' : ''), 'L\u221e ' + fmt(linf))); }
    if (f.schema) { add(card, schemaLine(f.schema)); }
    if (f.anomalies.length > 0) { add(card, anomalyList(f.anomalies)); }
    var body = append(card, el('div', 'feature-body'));
    add(body, statsTable(f));
    var children = features.filter(function (c) { return c.parent === f.name; });
    if (children.length > 0) {
      add(body, el('div', 'struct-children', 'Children: ' + children.map(function (c) { return c.name; }).join(', ')));
    }
    if (f.details) { add(body, detailsBlock(f)); }
    var chart = append(body, el('div', 'chart'));
    chart.feature = f;
    add(chart, el('div', 'placeholder', 'Chart appears when visible\u2026'));
    if (observer) { observer.observe(chart); } else { drawChart(chart); }
    return card;
  }

  // what custom statistics say beyond the table: semantic domain, natural language, images, sparse / weighted
  function detailsBlock(f) {
    var wrap = el('div', 'details');
    visibleIndexes().forEach(function (i) {
      var d = f.details[i];
      if (!d) { return; }
      var part = append(wrap, el('div', 'details-dataset'));
      if (datasets.length > 1) { add(part, swatch(i), el('span', 'muted', short(datasets[i].name, 28))); }
      if (d.domain) {
        add(part, el('div', 'semantic-domain', 'Semantic domain: ' + d.domain +
          (d.domainMatch !== undefined ? ' \u00b7 ' + pct(d.domainMatch) + ' of values match' : '')));
      }
      if (d.coverage !== undefined) {
        add(part, el('div', 'nl-summary', 'Natural language: coverage ' + pct(d.coverage) +
          ' \u00b7 avg token length ' + fmt(d.avgTokenLength)));
      }
      if (d.tokenLength) { add(part, lengthHistogram('Token length', 'token', d.tokenLength, i)); }
      if (d.sequenceLength) { add(part, lengthHistogram('Sequence length', 'sequence', d.sequenceLength, i)); }
      if (d.imageFormats) {
        var formats = [];
        for (var k = 0; k < d.imageFormats.length; k += 2) { formats.push(d.imageFormats[k] + ' ' + fmt(d.imageFormats[k + 1])); }
        add(part, el('div', 'image-stats', 'Images: ' + formats.join(' \u00b7 ') + ' \u00b7 largest ' +
          fmt(d.imageMaxWidth) + ' \u00d7 ' + fmt(d.imageMaxHeight) + ' px'));
      }
      if (d.unit) {
        var values = [];
        for (var u = 0; u < d.unitStatistics.length; u += 2) { values.push(d.unitStatistics[u] + ' ' + fmt(d.unitStatistics[u + 1])); }
        add(part, el('div', 'unit-stats', (d.unit === 'sparse' ? 'Sparse' : 'Weighted') + ' feature: ' + values.join(' \u00b7 ')));
      }
    });
    return wrap;
  }

  // a length histogram as bars of equal width (the buckets hold equal mass), bounds in each bar's tooltip
  function lengthHistogram(title, kind, flat, i) {
    var box = el('div', 'length-histogram');
    box.setAttribute('data-kind', kind);
    add(box, el('div', 'muted', title));
    var n = flat.length / 3, W = 260, H = 56, max = 0;
    for (var b = 0; b < n; b++) { max = Math.max(max, num(flat[3 * b + 2])); }
    var chart = svg('svg', { width: W, height: H + 14, viewBox: '0 0 ' + W + ' ' + (H + 14) });
    for (var k = 0; k < n; k++) {
      var count = num(flat[3 * k + 2]);
      var h = max > 0 ? count / max * H : 0;
      chart.appendChild(tooltip(svg('rect', { x: k * W / n + 1, y: H - h, width: Math.max(1, W / n - 2), height: h, fill: color(i) }),
        '[' + fmt(flat[3 * k]) + ', ' + fmt(flat[3 * k + 1]) + ']: ' + fmt(count)));
    }
    chart.appendChild(svg('text', { x: 0, y: H + 12, 'font-size': 10 }, fmt(flat[0])));
    chart.appendChild(svg('text', { x: W, y: H + 12, 'font-size': 10, 'text-anchor': 'end' }, fmt(flat[3 * n - 2])));
    box.appendChild(chart);
    return box;
  }

  function schemaLine(schema) {
    var line = el('div', 'schema-line');
    add(line, el('b', null, 'Schema '), document.createTextNode(schema.type));
    [schema.presence, schema.valency, schema.domain ? 'domain: ' + schema.domain : ''].concat(schema.notes)
      .forEach(function (part) { if (part) { line.appendChild(document.createTextNode(' \u00b7 ' + part)); } });
    return line;
  }

  function statsTable(f) {
    var wrap = el('div');
    var table = append(wrap, el('table'));
    var numeric = f.kind === 'numeric';
    var categorical = f.kind === 'categorical';
    var columns = ['Dataset', 'Count', 'Missing'];
    if (numeric) { columns = columns.concat(['Mean', 'Std dev', 'Zeros', 'Min', 'Median', 'Max']); }
    if (categorical) { columns = columns.concat(['Unique', 'Top', 'Freq top', 'Avg len']); }
    var comparing = datasets.length > 1;
    if (comparing) { columns.push(categorical ? 'L\u221e / JS' : 'JS'); }
    var head = append(table, el('tr'));
    columns.forEach(function (c) { add(head, el('th', null, c)); });
    var notes = [];
    visibleIndexes().forEach(function (i) {
      var s = f.stats[i];
      var row = append(table, el('tr'));
      var name = add(el('td'), swatch(i), document.createTextNode(short(datasets[i].name, 28)));
      name.title = datasets[i].name;
      add(row, name);
      if (!s) {
        var absent = append(row, el('td', 'text', 'not in this dataset'));
        absent.colSpan = columns.length - 1;
        return;
      }
      add(row, el('td', null, fmt(s.count)), el('td', num(s.missing) > 0 ? 'high' : null, pct(s.missing)));
      if (numeric && s.mean !== undefined) {
        add(row, el('td', null, fmt(s.mean)), el('td', null, fmt(s.stdDev)), el('td', null, pct(s.zeros)),
          el('td', null, f.pii ? '\u2014' : fmt(s.min)), el('td', null, f.pii ? '\u2014' : fmt(s.median)),
          el('td', null, f.pii ? '\u2014' : fmt(s.max)));
        if (num(s.nan) > 0) { notes.push(datasets[i].name + ': ' + fmt(s.nan) + ' NaN values'); }
      } else if (categorical && s.top !== undefined) {
        var topValue = s.top.length > 0 ? s.top[0] : '';
        var top = el('td', 'text', topValue);
        top.title = topValue;
        add(row, el('td', null, fmt(s.unique)), top,
          el('td', null, s.top.length > 0 ? fmt(s.top[1]) : '\u2013'), el('td', null, fmt(s.avgLength)));
        if (num(s.valuesKnown) > s.top.length / 2) {
          notes.push(datasets[i].name + ': ' + fmt(s.top.length / 2) + ' most frequent of ' + fmt(s.valuesKnown)
            + ' listed values kept' + (num(s.unique) > num(s.valuesKnown) ? ' (' + fmt(s.unique) + ' distinct)' : ''));
        }
      } else if (numeric || categorical) {
        for (var k = 3; k < columns.length - (comparing ? 1 : 0); k++) { add(row, el('td', null, '\u2013')); }
      }
      if (comparing) {
        var d = f.distances[i];
        var text = i === 0 ? 'baseline' : !d ? '\u2013' : categorical
          ? (d.linf !== undefined ? fmt(d.linf) : '\u2013') + ' / ' + (d.js !== undefined ? fmt(d.js) : '\u2013')
          : d.js !== undefined ? fmt(d.js) : '\u2013';
        var cell = append(row, el('td', d && (num(d.js) > 0.1 || num(d.linf) > 0.1) ? 'high' : null, text));
        if (d && d.linfLabel !== undefined) { cell.title = 'largest difference: ' + d.linfLabel; }
        if (d && d.jsUnavailable) { cell.title = 'Jensen-Shannon: ' + d.jsUnavailable; }
      }
    });
    notes.forEach(function (n) { add(wrap, el('div', 'note', n)); });
    return wrap;
  }

  // ---------- charts ----------
  function drawChart(container) {
    var f = container.feature;
    container.textContent = '';
    if (f.kind === 'numeric') { numericChart(container, f); }
    else if (f.kind === 'categorical') { categoricalChart(container, f); }
    else { add(container, el('div', 'placeholder', 'No chart for this kind of feature.')); }
  }

  function niceTicks(lo, hi, n) {
    var span = hi - lo;
    var step = Math.pow(10, Math.floor(Math.log10(span / n)));
    var err = span / n / step;
    step *= err >= 7.5 ? 10 : err >= 3.5 ? 5 : err >= 1.5 ? 2 : 1;
    var ticks = [];
    for (var t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) { ticks.push(Number(t.toPrecision(12))); }
    return ticks;
  }

  function numericChart(container, f) {
    var W = 440, H = 170, L = 46, R = 10, T = 10, B = 30;
    var series = [];
    var lo = Infinity, hi = -Infinity;
    visibleIndexes().forEach(function (i) {
      var s = f.stats[i];
      var flat = s && s[state.histogram];
      if (!flat || flat.length === 0) { return; }
      var buckets = [], total = 0;
      for (var k = 0; k < flat.length; k += 3) {
        var b = { lo: num(flat[k]), hi: num(flat[k + 1]), n: num(flat[k + 2]) };
        if (!isFinite(b.lo) || !isFinite(b.hi)) { continue; }
        buckets.push(b);
        total += b.n;
        lo = Math.min(lo, b.lo);
        hi = Math.max(hi, b.hi);
      }
      if (total > 0) { series.push({ index: i, buckets: buckets, total: total }); }
    });
    if (series.length === 0) {
      add(container, el('div', 'placeholder', 'No ' + (state.histogram === 'standard' ? 'equal-width' : 'quantiles') + ' histogram in these statistics.'));
      return;
    }
    if (hi <= lo) { var pad = Math.abs(lo) * 0.05 || 0.5; lo -= pad; hi += pad; }
    var minWidth = (hi - lo) / 200;
    var top = 0, bottom = Infinity;
    series.forEach(function (s) {
      s.buckets.forEach(function (b) {
        b.density = b.n / s.total / Math.max(b.hi - b.lo, minWidth);
        top = Math.max(top, b.density);
        if (b.density > 0) { bottom = Math.min(bottom, b.density); }
      });
    });
    var logLow = Math.log10(bottom) - 0.3, logHigh = Math.log10(top);
    if (!(logHigh > logLow)) { logLow = logHigh - 1; }
    function y(d) {
      if (d <= 0) { return H - B; }
      var f01 = state.log ? (Math.log10(d) - logLow) / (logHigh - logLow) : d / top;
      return H - B - Math.max(0, f01) * (H - B - T);
    }
    function x(v) { return L + (v - lo) / (hi - lo) * (W - L - R); }
    var root = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, role: 'img' });
    root.setAttribute('aria-label', (state.histogram === 'standard' ? 'Equal-width' : 'Quantiles') + ' histogram of ' + f.name);
    niceTicks(lo, hi, 5).forEach(function (t) {
      root.appendChild(svg('line', { x1: x(t), x2: x(t), y1: T, y2: H - B, 'class': 'grid' }));
      root.appendChild(svg('text', { x: x(t), y: H - B + 14, 'text-anchor': 'middle' }, fmt(t)));
    });
    root.appendChild(svg('line', { x1: L, x2: W - R, y1: H - B, y2: H - B, 'class': 'axis' }));
    root.appendChild(svg('text', { x: L - 6, y: T + 8, 'text-anchor': 'end' }, state.log ? 'log' : 'density'));
    series.forEach(function (s) {
      var c = color(s.index);
      s.buckets.forEach(function (b) {
        var x0 = x(b.lo), x1 = Math.max(x(b.hi), x0 + 1.5), top0 = y(b.density);
        var rect = svg('rect', { x: x0, y: top0, width: x1 - x0, height: Math.max(0, H - B - top0),
          fill: c, 'fill-opacity': series.length > 1 ? 0.28 : 0.55, stroke: c, 'stroke-width': 1.2 });
        tooltip(rect, datasets[s.index].name + ': [' + fmt(b.lo) + ', ' + fmt(b.hi) + '] ' + fmt(b.n)
          + ' values (' + pct(b.n / s.total) + ')');
        root.appendChild(rect);
      });
    });
    add(container, root);
  }

  function categoricalChart(container, f) {
    var shown = visibleIndexes().filter(function (i) { return f.stats[i] && f.stats[i].top; });
    if (shown.length === 0) { add(container, el('div', 'placeholder', 'No values listed in these statistics.')); return; }
    var order = [], seen = {}, share = {};
    shown.forEach(function (i) {
      var s = f.stats[i], total = num(s.totalValues) || 0;
      if (!(total > 0)) { for (var t = 1; t < s.top.length; t += 2) { total += num(s.top[t]); } }
      share[i] = {};
      for (var k = 0; k < s.top.length; k += 2) {
        var value = s.top[k];
        share[i][value] = total > 0 ? num(s.top[k + 1]) / total : 0;
        if (!Object.prototype.hasOwnProperty.call(seen, value)) { seen[value] = true; order.push(value); }
      }
    });
    var limit = state.expanded[f.index] ? order.length : Math.min(order.length, FIRST_VALUES);
    var values = order.slice(0, limit);
    var max = 0;
    values.forEach(function (v) { shown.forEach(function (i) { max = Math.max(max, share[i][v] || 0); }); });
    var barH = Math.max(4, Math.min(9, 16 / shown.length)), gap = 7, rowH = barH * shown.length + gap;
    var W = 440, L = 150, R = 52, T = 4, H = T + rowH * values.length + 4;
    var root = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, role: 'img' });
    root.setAttribute('aria-label', 'Top values of ' + f.name);
    values.forEach(function (v, r) {
      var y0 = T + r * rowH;
      var label = svg('text', { x: L - 8, y: y0 + (barH * shown.length) / 2 + 3.5, 'text-anchor': 'end', 'class': 'value' }, short(v, 24));
      tooltip(label, v);
      root.appendChild(label);
      shown.forEach(function (i, k) {
        var s = share[i][v] || 0;
        var w = max > 0 ? s / max * (W - L - R) : 0;
        var rect = svg('rect', { x: L, y: y0 + k * barH, width: Math.max(w, s > 0 ? 1 : 0), height: barH - 1, fill: color(i), rx: 1.5 });
        tooltip(rect, datasets[i].name + ': ' + v + ' ' + pct(s));
        root.appendChild(rect);
        if (k === 0 || shown.length === 1) {
          root.appendChild(svg('text', { x: L + w + 4, y: y0 + k * barH + barH - 1.5 }, pct(s)));
        }
      });
    });
    add(container, root);
    if (order.length > FIRST_VALUES) {
      var more = append(container, el('button', 'link', state.expanded[f.index] ? 'Show the first ' + FIRST_VALUES + ' values'
        : 'Show all ' + order.length + ' kept values'));
      more.addEventListener('click', function () {
        state.expanded[f.index] = !state.expanded[f.index];
        drawChart(container);
      });
    }
  }

  // ---------- series over spans: metric history and model quality ----------
  // A line chart over spans (equally spaced): optional band (interval), baseline, flagged points and markers.
  function lineChart(o) {
    var W = 420, H = 160, L = 50, R = 12, T = 12, B = 34;
    var n = o.spans.length;
    var lo = Infinity, hi = -Infinity;
    function take(v) { v = num(v); if (v !== null && v !== undefined && isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); } }
    o.values.forEach(take);
    (o.low || []).forEach(take);
    (o.high || []).forEach(take);
    if (o.baseline !== undefined) { take(o.baseline); }
    (o.flags || []).forEach(function (f) { take(f.low); take(f.high); });
    var root = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, role: 'img', 'class': 'series-chart' });
    root.setAttribute('aria-label', o.label);
    if (!(hi >= lo)) { root.appendChild(svg('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle' }, 'no values')); return root; }
    if (hi === lo) { var pad = Math.abs(lo) * 0.05 || 0.5; lo -= pad; hi += pad; }
    var margin = (hi - lo) * 0.06; lo -= margin; hi += margin;
    function x(i) { return n <= 1 ? (L + W - R) / 2 : L + i / (n - 1) * (W - L - R); }
    function y(v) { return H - B - (num(v) - lo) / (hi - lo) * (H - B - T); }
    niceTicks(lo, hi, 4).forEach(function (t) {
      root.appendChild(svg('line', { x1: L, x2: W - R, y1: y(t), y2: y(t), 'class': 'grid' }));
      root.appendChild(svg('text', { x: L - 5, y: y(t) + 3.5, 'text-anchor': 'end' }, fmt(t)));
    });
    root.appendChild(svg('line', { x1: L, x2: W - R, y1: H - B, y2: H - B, 'class': 'axis' }));
    var every = Math.max(1, Math.ceil(n / 6));
    o.spans.forEach(function (span, i) {
      if (i % every === 0 || i === n - 1) {
        var label = svg('text', { x: x(i), y: H - B + 14, 'text-anchor': 'middle' }, short(span, 12));
        tooltip(label, span);
        root.appendChild(label);
      }
    });
    function finite(v) { v = num(v); return v !== null && v !== undefined && isFinite(v); }
    if (o.low && o.high) {
      var upper = [], lower = [];
      for (var i = 0; i < n; i++) {
        if (finite(o.low[i]) && finite(o.high[i])) { upper.push(x(i) + ',' + y(o.high[i])); lower.unshift(x(i) + ',' + y(o.low[i])); }
      }
      if (upper.length > 0) {
        root.appendChild(svg('polygon', { points: upper.concat(lower).join(' '), 'class': 'band' }));
      }
    }
    if (o.baseline !== undefined && finite(o.baseline)) {
      var base = svg('line', { x1: L, x2: W - R, y1: y(o.baseline), y2: y(o.baseline), 'class': 'baseline' });
      tooltip(base, 'baseline ' + fmt(o.baseline));
      root.appendChild(base);
    }
    (o.markers || []).forEach(function (m) {
      var line = svg('line', { x1: x(m.index), x2: x(m.index), y1: T, y2: H - B, 'class': 'marker ' + m.kind });
      tooltip(line, m.text);
      root.appendChild(line);
    });
    var path = [];
    o.values.forEach(function (v, i) {
      if (finite(v)) { path.push((path.length === 0 || !finite(o.values[i - 1]) ? 'M' : 'L') + x(i) + ' ' + y(v)); }
    });
    root.appendChild(svg('path', { d: path.join(' '), 'class': 'series-line', stroke: color(0) }));
    var flagged = {};
    (o.flags || []).forEach(function (f) { flagged[f.index] = f; });
    o.values.forEach(function (v, i) {
      if (!finite(v)) { return; }
      var f = flagged[i];
      var dot = svg('circle', { cx: x(i), cy: y(v), r: f ? 4.5 : 2.6, 'class': f ? 'point flagged' : 'point' });
      if (!f) { dot.setAttribute('fill', color(0)); }
      dot.setAttribute('data-span', o.spans[i]);
      tooltip(dot, o.spans[i] + ': ' + fmt(v) + (o.low && finite(o.low[i]) ? ' [' + fmt(o.low[i]) + ', ' + fmt(o.high[i]) + ']' : '')
        + (f ? ' \u2014 ' + f.text : ''));
      root.appendChild(dot);
    });
    return root;
  }

  function historySection() {
    var series = data.history;
    var panel = el('section', 'panel series-panel');
    panel.id = 'metric-history';
    add(panel, el('h2', null, 'Metric history'));
    var flagged = 0, byFeature = {}, names = [];
    series.forEach(function (s) {
      flagged += s.anomalies.length / 3;
      var key = s.feature === '' ? '' : s.feature;
      if (!Object.prototype.hasOwnProperty.call(byFeature, key)) { byFeature[key] = []; names.push(key); }
      byFeature[key].push(s);
    });
    add(panel, el('p', 'subtitle', series.length + ' series over ' + maxSpans(series) + ' spans; '
      + flagged + (flagged === 1 ? ' point' : ' points') + ' flagged by ' + (series.length > 0 ? series[0].strategy : '') + '.'));
    names.sort(function (a, b) {
      var fa = flaggedIn(byFeature[a]), fb = flaggedIn(byFeature[b]);
      if ((fa > 0) !== (fb > 0)) { return fa > 0 ? -1 : 1; }
      return a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0;
    });
    var grid = el('div', 'series-grid');
    var options = names.map(function (k) {
      var f = flaggedIn(byFeature[k]);
      return [k, (k === '' ? '(dataset)' : k) + (f > 0 ? ' \u00b7 ' + f + ' flagged' : '')];
    });
    add(panel, labelled('Feature', select('history-feature', options, names[0], function (v) { draw(v); })));
    add(panel, grid);
    function draw(key) {
      grid.textContent = '';
      byFeature[key].forEach(function (s) {
        var box = append(grid, el('div', 'series'));
        box.setAttribute('data-feature', s.feature);
        box.setAttribute('data-metric', s.metric);
        var k = s.anomalies.length / 3;
        add(box, el('div', 'series-title', s.metric + (k > 0 ? ' \u00b7 ' + k + ' flagged' : '')));
        var flags = [];
        for (var i = 0; i < s.anomalies.length; i += 3) {
          flags.push({ index: s.anomalies[i], low: s.anomalies[i + 1], high: s.anomalies[i + 2],
            text: 'expected [' + fmt(s.anomalies[i + 1]) + ', ' + fmt(s.anomalies[i + 2]) + ']' });
        }
        add(box, lineChart({ spans: s.spans, values: s.values, flags: flags,
          label: 'History of ' + s.metric + (s.feature ? ' of ' + s.feature : '') }));
      });
    }
    draw(names[0]);
    return panel;
  }
  function flaggedIn(list) { var n = 0; list.forEach(function (s) { n += s.anomalies.length / 3; }); return n; }
  function maxSpans(list) { var n = 0; list.forEach(function (s) { n = Math.max(n, s.spans.length); }); return n; }

  function qualitySection() {
    var q = data.quality;
    var panel = el('section', 'panel series-panel' + (q.alarms.length > 0 ? ' bad' : ''));
    panel.id = 'model-quality';
    add(panel, el('h2', null, 'Model quality over spans'));
    add(panel, el('p', 'subtitle', (q.task ? q.task + ' \u00b7 ' : '') + q.spans.length + (q.spans.length === 1 ? ' span' : ' spans')
      + ' \u00b7 ' + q.alarms.length + (q.alarms.length === 1 ? ' alarm' : ' alarms') + ' \u00b7 '
      + q.detections.length + ' detection points \u00b7 from ' + q.source
      + '. Bands: bootstrap intervals; dashed line: the baseline; red points: alarms; vertical lines: detectors.'));
    var slices = [];
    q.series.forEach(function (s) { if (slices.indexOf(s.slice) < 0) { slices.push(s.slice); } });
    var grid = el('div', 'series-grid');
    if (slices.length > 1) {
      add(panel, labelled('Slice', select('quality-slice', slices.map(function (s) { return [s, s]; }), slices[0], function (v) { draw(v); })));
    }
    add(panel, grid);
    function draw(slice) {
      grid.textContent = '';
      q.series.filter(function (s) { return s.slice === slice; }).forEach(function (s) {
        var box = append(grid, el('div', 'series'));
        box.setAttribute('data-metric', s.metric);
        box.setAttribute('data-slice', s.slice);
        var flags = [];
        q.alarms.forEach(function (a) {
          var i = q.spans.indexOf(a.span);
          if (a.slice === slice && a.metric === s.metric && i >= 0) { flags.push({ index: i, text: a.rule + ': ' + a.detail }); }
        });
        var markers = [];
        if (slice === 'all') {
          q.detections.forEach(function (d) {
            var i = q.spans.indexOf(d.span);
            if (i >= 0) { markers.push({ index: i, kind: d.alarm ? 'alarm' : 'note', text: d.detector + ' at row ' + d.row + ' (' + d.span + ')' }); }
          });
        }
        add(box, el('div', 'series-title', s.metric + (flags.length > 0 ? ' \u00b7 ' + flags.length + ' alarm' + (flags.length === 1 ? '' : 's') : '')));
        add(box, lineChart({ spans: q.spans, values: s.values, low: s.low, high: s.high, baseline: s.baseline,
          flags: flags, markers: markers, label: s.metric + ' over spans (' + s.slice + ')' }));
      });
    }
    draw(slices.length > 0 ? slices[0] : 'all');
    if (q.alarms.length > 0) {
      var alarms = append(panel, el('table'));
      alarms.id = 'quality-alarms';
      var head = append(alarms, el('tr'));
      ['Span', 'Slice', 'Rule', 'Metric', 'Detail'].forEach(function (h) { add(head, el('th', 'left', h)); });
      q.alarms.forEach(function (a) {
        var row = append(alarms, el('tr'));
        add(row, el('td', 'left', a.span), el('td', 'left', a.slice), el('td', 'left over', a.rule), el('td', 'left', a.metric), el('td', 'left wrap', a.detail));
      });
    }
    if (q.detections.length > 0) {
      var first = {};
      q.detections.forEach(function (d) { if (!first[d.detector]) { first[d.detector] = d; } });
      var list = append(panel, el('div', 'note'));
      list.id = 'quality-detectors';
      list.textContent = 'First detections: ' + Object.keys(first).map(function (k) {
        return k + ' at row ' + first[k].row + ' (' + first[k].span + ')' + (first[k].alarm ? ', an alarm' : '');
      }).join('; ') + '.';
    }
    return panel;
  }

  header();
  if (data.quality) { add(app, qualitySection()); }
  if (data.history && data.history.length > 0) { add(app, historySection()); }
  toolbar();
  status = append(app, el('div', 'status'));
  status.id = 'status';
  add(status, el('span'));
  pager = append(status, el('span', 'pager'));
  list = append(app, el('div'));
  list.id = 'features';
  renderList();
  // for measurements: milliseconds the script took, and since navigation started (reading the file included)
  document.body.setAttribute('data-rendered-ms', String(Math.round(performance.now() - started)));
  document.body.setAttribute('data-loaded-ms', String(Math.round(performance.now())));
  document.body.setAttribute('data-ready', 'true');
})();
