/* pipeline review: plain JavaScript, no build step, no network beyond this server.
 *
 * Offsets in the data are Python code-point indices. JavaScript strings are UTF-16, so the
 * text is handled as an array of code points (Array.from) and every offset computed from a
 * selection is counted in code points too: highlights do not drift on astral characters.
 * Document strings only ever reach the page through textContent / text nodes. */
(function () {
  'use strict';

  var KINDS = ['dates', 'institutions', 'attendance'];
  var KEY = {dates: 'value', institutions: 'id', attendance: 'value'};
  var QUALIFIERS = ['exact', 'approx', 'at_least', 'at_most'];

  var dataEl = document.getElementById('review-data');
  var snapshot = dataEl ? JSON.parse(dataEl.textContent) : null;
  var tokenEl = document.querySelector('meta[name="review-token"]');
  var token = tokenEl ? tokenEl.getAttribute('content') : '';

  var state = {docs: [], view: null, sel: -1, editing: -1, adding: null};

  function $(id) { return document.getElementById(id); }

  /* el('div', {className: 'x', onclick: f}, 'text', child...) — strings become text nodes. */
  function el(tag, attrs) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k.slice(0, 2) === 'on') e.addEventListener(k.slice(2), attrs[k]);
      else if (k === 'className' || k === 'textContent' || k === 'value' || k === 'checked' ||
               k === 'type' || k === 'title' || k === 'name') e[k] = attrs[k];
      else e.setAttribute(k, attrs[k]);
    });
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i];
      if (c === null || c === undefined || c === false) continue;
      e.appendChild(typeof c === 'object' ? c : document.createTextNode(String(c)));
    }
    return e;
  }

  function toast(text, isError) {
    var m = $('msg');
    m.textContent = text;
    m.className = 'on' + (isError ? ' err' : '');
    clearTimeout(toast.t);
    toast.t = setTimeout(function () { m.className = ''; }, isError ? 5000 : 1500);
  }

  /* --- data: the server's API, or the snapshot inlined by `pipeline review --static` --- */
  function api(path, body) {
    if (snapshot) {
      if (body) return Promise.reject(new Error('read-only snapshot: run `pipeline review` to edit'));
      if (path === '/api/docs') return Promise.resolve({mode: 'static', out: snapshot.out, docs: snapshot.docs});
      var v = snapshot.views[decodeURIComponent(path.slice('/api/doc/'.length))];
      return v ? Promise.resolve(v) : Promise.reject(new Error('no such document'));
    }
    var opts = body ? {method: 'POST', body: JSON.stringify(body),
      headers: {'Content-Type': 'application/json', 'X-Review-Token': token}} : {};
    return fetch(path, opts).then(function (r) {
      return r.json().then(function (j) {
        if (!r.ok) throw new Error(j.error || r.statusText);
        return j;
      });
    });
  }

  /* --- filters --- */
  function threshold() { var t = parseFloat($('f-threshold').value); return isNaN(t) ? 0.8 : t; }
  function itemShown(it) {
    if ($('f-unreviewed').checked && it.status !== 'unreviewed') return false;
    if ($('f-low').checked && !(it.status !== 'rejected' && conf(it) < threshold())) return false;
    return true;
  }
  function docShown(d) {
    if ($('f-unreviewed').checked && d.unreviewed === 0) return false;
    if ($('f-low').checked && !d.conf.some(function (c) { return c < threshold(); })) return false;
    return true;
  }
  function conf(it) { return it.m.confidence === undefined ? 1 : it.m.confidence; }

  /* --- document list --- */
  function renderDocs() {
    var ul = $('doc-list');
    ul.replaceChildren();
    var shown = state.docs.filter(docShown);
    if (!shown.length) ul.appendChild(el('li', {className: 'empty'}, 'no documents match the filters'));
    shown.forEach(function (d) {
      var low = d.conf.filter(function (c) { return c < threshold(); }).length;
      var li = el('li', {'data-doc': d.doc_id, onclick: function () { openDoc(d.doc_id); }},
        el('span', {className: 't'}, d.title || d.doc_id),
        el('span', {className: 'c'},
          el('span', {className: 'dot k-dates'}), String(d.counts.dates),
          el('span', {className: 'dot k-institutions'}), String(d.counts.institutions),
          el('span', {className: 'dot k-attendance'}), String(d.counts.attendance),
          el('span', {className: 'badge'}, d.unreviewed + ' unreviewed'),
          low ? el('span', {className: 'badge warn'}, low + ' low') : null,
          d.stale ? el('span', {className: 'badge warn'}, d.stale + ' stale') : null));
      if (state.view && state.view.doc_id === d.doc_id) li.classList.add('current');
      ul.appendChild(li);
    });
  }

  function loadDocs() {
    return api('/api/docs').then(function (j) {
      state.docs = j.docs;
      $('where').textContent = (j.mode === 'static' ? 'snapshot of ' : '') + (j.out || '');
      if (j.mode === 'static') document.body.classList.add('readonly');
      renderDocs();
    });
  }

  function openDoc(docId, keepSel) {
    return api('/api/doc/' + encodeURIComponent(docId)).then(function (v) {
      var prev = keepSel && state.view && state.view.doc_id === v.doc_id ? state.sel : -1;
      setView(v, prev >= 0 ? prev : firstShown());
      if (location.hash !== '#' + encodeURIComponent(docId)) history.replaceState(null, '', '#' + encodeURIComponent(docId));
    }).catch(function (e) { toast(e.message, true); });
  }

  function firstShown() {
    if (!state.view) return -1;
    for (var i = 0; i < state.view.items.length; i++) if (itemShown(state.view.items[i])) return i;
    return -1;
  }

  function setView(v, sel) {
    state.view = v;
    state.sel = Math.min(sel, v.items.length - 1);
    state.editing = -1;
    state.adding = null;
    document.body.setAttribute('data-doc', v.doc_id);
    var d = state.docs.find(function (x) { return x.doc_id === v.doc_id; });
    if (d) updateSummary(d, v);
    renderDocs();
    renderHead();
    renderText();
    renderItems();
  }

  function updateSummary(d, v) {
    var live = v.items.filter(function (it) { return it.status !== 'rejected'; });
    KINDS.forEach(function (k) { d.counts[k] = live.filter(function (it) { return it.kind === k; }).length; });
    d.unreviewed = v.items.filter(function (it) { return it.status === 'unreviewed'; }).length;
    d.conf = live.filter(function (it) { return it.status === 'unreviewed'; }).map(conf);
    d.stale = v.stale.length;
  }

  /* --- document header: title, source, stale reviews --- */
  function renderHead() {
    var v = state.view, h = $('doc-head');
    h.replaceChildren(
      el('h1', null, v.title || v.doc_id),
      el('div', {className: 'meta'}, [v.doc_id, v.source, v.language, v.published && ('published ' + v.published)]
        .filter(Boolean).join(' · ')));
    if (v.stale.length) {
      var box = el('div', {className: 'stale'},
        el('strong', null, v.stale.length + ' review(s) not applied: the text changed since they were made.'));
      v.stale.forEach(function (r) {
        box.appendChild(el('div', null, r.action + ' ' + r.kind + ' “' + r.text + '” ' + JSON.stringify(r.original) + ' ',
          el('button', {type: 'button', className: 'act', onclick: function () { forget(r); }}, 'forget')));
      });
      h.appendChild(box);
    }
  }

  /* --- the text with highlights ---
   * Cut the text (as code points) at every item boundary; each piece is wrapped in one span per
   * item covering it, outermost (longest) first, and the innermost span carries data-s, the
   * piece's code-point offset, so a DOM position maps back to a code-point offset. */
  function renderText() {
    var v = state.view, box = $('text');
    var cps = Array.from(v.text), n = cps.length;
    box.setAttribute('lang', v.language || '');
    box.replaceChildren();
    var cuts = [0, n];
    v.items.forEach(function (it) { cuts.push(clamp(it.m.start, n), clamp(it.m.end, n)); });
    cuts = cuts.sort(function (a, b) { return a - b; }).filter(function (c, i, arr) { return i === 0 || c !== arr[i - 1]; });
    var order = v.items.map(function (it, i) { return i; })
      .sort(function (a, b) { return v.items[a].m.start - v.items[b].m.start; });
    var active = [], next = 0;
    for (var c = 0; c + 1 < cuts.length; c++) {
      var a = cuts[c], b = cuts[c + 1];
      while (next < order.length && v.items[order[next]].m.start <= a) active.push(order[next++]);
      active = active.filter(function (i) { return v.items[i].m.end > a; });
      var cover = active.filter(function (i) { return v.items[i].m.start <= a && v.items[i].m.end >= b; })
        .sort(function (x, y) { return span(v.items[y]) - span(v.items[x]) || x - y; });
      var inner = el('span', {'data-s': String(a)}, cps.slice(a, b).join(''));
      var node = inner;
      for (var k = cover.length - 1; k >= 0; k--) {
        var it = v.items[cover[k]];
        var w = el('span', {className: 'hl k-' + it.kind + ' st-' + it.status + (cover[k] === state.sel ? ' sel' : '') +
            (it.m.start === a ? ' first' : ''),
          'data-i': String(cover[k]), title: it.kind + ': ' + describe(it) + ' (' + it.status + ')'});
        w.appendChild(node);
        node = w;
      }
      box.appendChild(node);
    }
  }
  function clamp(x, n) { return Math.max(0, Math.min(n, x)); }
  function span(it) { return it.m.end - it.m.start; }

  $('text').addEventListener('click', function (ev) {
    if (!window.getSelection().isCollapsed) return;  // selecting text for "add"
    var h = ev.target.closest('[data-i]');
    if (h) select(Number(h.getAttribute('data-i')), true);  // the innermost item under the click
  });

  /* A DOM boundary point (node, offset) inside #text -> code-point offset into the document. */
  function pointToCp(node, offset) {
    var box = $('text');
    if (!box.contains(node)) return null;
    if (node.nodeType === Node.TEXT_NODE) {
      var seg = node.parentElement.closest('[data-s]');
      return Number(seg.getAttribute('data-s')) + Array.from(node.data.slice(0, offset)).length;
    }
    var child = node.childNodes[offset];
    if (child) {
      var s = child.nodeType === Node.ELEMENT_NODE &&
        (child.hasAttribute('data-s') ? child : child.querySelector('[data-s]'));
      if (s) return Number(s.getAttribute('data-s'));
    }
    var segs = node.nodeType === Node.ELEMENT_NODE ? node.querySelectorAll('[data-s]') : [];
    if (!segs.length) return null;
    var last = segs[segs.length - 1];
    return Number(last.getAttribute('data-s')) + Array.from(last.textContent).length;
  }

  function selectionSpan() {
    var sel = window.getSelection();
    if (!sel || !sel.rangeCount || sel.isCollapsed) return null;
    var r = sel.getRangeAt(0);
    var a = pointToCp(r.startContainer, r.startOffset), b = pointToCp(r.endContainer, r.endOffset);
    if (a === null || b === null) return null;
    var cps = Array.from(state.view.text);
    while (a < b && /\s/.test(cps[a])) a++;
    while (b > a && /\s/.test(cps[b - 1])) b--;
    return a < b ? {start: a, end: b, text: cps.slice(a, b).join('')} : null;
  }

  /* --- the item list --- */
  function describe(it) {
    var m = it.m;
    if (it.kind === 'dates') return String(m.value);
    if (it.kind === 'institutions') return (m.name ? m.name + ' ' : '') + '[' + m.id + ']';
    var ev = m.event || {};
    return m.value + ' ' + (m.qualifier || '') + (m.cumulative ? ' cumulative' : '') +
      (ev.name ? ' — ' + ev.name : '') + (ev.date ? ' (' + ev.date + ')' : '');
  }

  function details(it) {
    var m = it.m, parts = [];
    if (it.status === 'rejected') return 'rejected by review';
    if (it.kind === 'dates') parts.push(m.kind, m.calendar !== 'gregorian' ? m.calendar : null,
      m.inferred ? 'inferred from ' + (m.inferred_from || '?') : null, 'rule ' + (m.rule || '–'));
    else if (it.kind === 'institutions') parts.push(m.type, m.country, m.parent ? 'part of ' + m.parent : null, 'source ' + m.source);
    else parts.push(m.unit, 'rule ' + (m.rule || '–'));
    return parts.filter(Boolean).join(' · ');
  }

  function renderItems() {
    var ol = $('items'), v = state.view;
    ol.replaceChildren();
    var slot = $('add-form-slot');
    slot.replaceChildren();
    if (state.adding) slot.appendChild(addForm(state.adding));
    var any = false;
    v.items.forEach(function (it, i) {
      if (!itemShown(it) && i !== state.sel) return;
      any = true;
      var c = conf(it);
      var li = el('li', {className: 'item k-' + it.kind + ' st-' + it.status + (i === state.sel ? ' sel' : ''),
        'data-i': String(i), onclick: function (ev) { if (!ev.target.closest('button,input,select,form')) select(i, false); }},
        el('span', {className: 'status st-' + it.status}, it.status),
        el('div', {className: 'q'}, '“' + it.m.text + '”'),
        el('div', {className: 'v'}, describe(it)),
        el('div', {className: 's'}, details(it),
          it.status !== 'rejected' ? el('span', {className: c < threshold() ? ' low' : ''}, ' · conf ' + c.toFixed(2)) : null,
          ' · [' + it.m.start + ':' + it.m.end + ']'),
        el('div', {className: 'acts'},
          it.status !== 'rejected' ? el('button', {type: 'button', className: 'act', 'data-act': 'accept', onclick: function () { act('accept', i); }}, 'accept (a)') : null,
          it.status !== 'rejected' ? el('button', {type: 'button', className: 'act', 'data-act': 'reject', onclick: function () { act('reject', i); }}, 'reject (r)') : null,
          it.status !== 'rejected' ? el('button', {type: 'button', className: 'act', 'data-act': 'edit', onclick: function () { edit(i); }}, 'edit (e)') : null,
          it.status !== 'unreviewed' ? el('button', {type: 'button', className: 'act', 'data-act': 'undo', onclick: function () { act('unreview', i); }}, 'undo (u)') : null));
      if (i === state.editing) li.appendChild(editForm(it.kind, it.m, function (fields) { send('correct', it, fields); }));
      ol.appendChild(li);
    });
    if (!any) ol.appendChild(el('li', {className: 'empty'}, 'no items match the filters'));
  }

  function select(i, scroll) {
    state.sel = i;
    state.editing = -1;
    renderText();
    renderItems();
    if (i < 0) return;
    var card = document.querySelector('#items [data-i="' + i + '"]');
    if (card) card.scrollIntoView({block: 'nearest'});
    var hl = document.querySelector('#text .sel');
    if (hl && !scroll) hl.scrollIntoView({block: 'nearest'});
  }

  function move(step) {
    var items = state.view ? state.view.items : [];
    for (var i = state.sel + step; i >= 0 && i < items.length; i += step) {
      if (itemShown(items[i])) return select(i, false);
    }
  }

  /* --- forms --- */
  function field(label, input) { return [el('label', {'for': input.id}, label), input]; }
  function input(id, value, type) { return el('input', {id: id, type: type || 'text', value: value === null || value === undefined ? '' : String(value)}); }

  function editForm(kind, m, onSave) {
    var f = el('form', {className: 'edit'});
    var rows = [];
    if (kind === 'dates') {
      rows.push(field('value', input('ed-value', m.value)));
    } else if (kind === 'institutions') {
      rows.push(field('name', input('ed-name', m.name)), field('id', input('ed-id', m.id)),
        field('type', input('ed-type', m.type)), field('country', input('ed-country', m.country)));
    } else {
      var q = el('select', {id: 'ed-qualifier'});
      QUALIFIERS.forEach(function (x) { q.appendChild(el('option', {value: x}, x)); });
      q.value = m.qualifier || 'exact';
      var ev = m.event || {};
      rows.push(field('value', input('ed-value', m.value, 'number')), field('qualifier', q),
        field('event', input('ed-event', ev.name)), field('event date', input('ed-event-date', ev.date)),
        field('cumulative', el('input', {id: 'ed-cumulative', type: 'checkbox', checked: !!m.cumulative})));
    }
    rows.forEach(function (r) { f.appendChild(r[0]); f.appendChild(r[1]); });
    f.appendChild(el('div', {className: 'full acts'},
      el('button', {type: 'submit', className: 'act', 'data-act': 'save'}, 'save (Enter)'),
      el('button', {type: 'button', className: 'act', onclick: closeForms}, 'cancel (Esc)')));
    f.addEventListener('submit', function (ev) {
      ev.preventDefault();
      onSave(readForm(kind));
    });
    setTimeout(function () { var first = f.querySelector('input,select'); if (first) first.focus(); }, 0);
    return f;
  }

  function readForm(kind) {
    function val(id) { var e = $(id); return e ? e.value : ''; }
    if (kind === 'dates') return {value: val('ed-value')};
    if (kind === 'institutions') return {name: val('ed-name'), id: val('ed-id'), type: val('ed-type'), country: val('ed-country')};
    return {value: val('ed-value'), qualifier: val('ed-qualifier'), cumulative: $('ed-cumulative').checked,
      event: {name: val('ed-event'), date: val('ed-event-date')}};
  }

  function addForm(sp) {
    var kind = el('select', {id: 'add-kind'});
    KINDS.forEach(function (k) { kind.appendChild(el('option', {value: k}, k)); });
    kind.value = sp.kind;
    kind.addEventListener('change', function () { state.adding.kind = kind.value; renderItems(); });
    var box = el('div', {className: 'item k-' + sp.kind + ' sel'},
      el('div', {className: 'q'}, 'add “' + sp.text + '” [' + sp.start + ':' + sp.end + ']'),
      el('label', {'for': 'add-kind'}, 'kind '), kind);
    var guess = {dates: {value: ''}, institutions: {name: sp.text, id: '', type: 'university'},
      attendance: {value: (sp.text.match(/\d[\d,]*/) || [''])[0].replace(/,/g, ''), qualifier: 'exact'}}[sp.kind];
    box.appendChild(editForm(sp.kind, guess, function (fields) {
      send('add', {kind: sp.kind, m: {start: sp.start, end: sp.end}, original: null}, fields);
    }));
    return box;
  }

  function closeForms() {
    state.editing = -1;
    state.adding = null;
    renderItems();
  }

  /* --- actions --- */
  function act(action, i) {
    var it = state.view.items[i];
    if (!it || (it.status === 'rejected' && action !== 'unreview')) return;
    if (action === 'unreview' && it.status === 'unreviewed') return;
    state.sel = i;
    send(action, it, action === 'accept' ? currentFields(it) : {}, action !== 'unreview');
  }

  function currentFields(it) {
    var m = it.m;
    if (it.kind === 'dates') return {value: m.value};
    if (it.kind === 'institutions') return {name: m.name, id: m.id, type: m.type, country: m.country, parent: m.parent};
    return {value: m.value, qualifier: m.qualifier, cumulative: m.cumulative, event: m.event};
  }

  function edit(i) {
    state.sel = i;
    state.editing = i;
    state.adding = null;
    renderText();
    renderItems();
  }

  function add() {
    if (!state.view || snapshot) return;
    var sp = selectionSpan();
    if (!sp) { toast('select the missed text in the document first', true); return; }
    sp.kind = /\d/.test(sp.text) && /[年月日\/.\-]|\b(19|20)\d\d\b/.test(sp.text) ? 'dates' : /\d/.test(sp.text) ? 'attendance' : 'institutions';
    state.adding = sp;
    state.editing = -1;
    renderItems();
  }

  function send(action, it, fields, advance) {
    var v = state.view;
    var body = {doc_id: v.doc_id, text_sha256: v.text_sha256, kind: it.kind, start: it.m.start,
      end: it.m.end, original: it.original, action: action, fields: fields};
    return api('/api/review', body).then(function (nv) {
      var at = findItem(nv, it.kind, it.m.start, it.m.end);
      var nextSel = at >= 0 ? at : state.sel;
      setView(nv, nextSel);
      toast(action === 'unreview' ? 'review undone' : action + ' saved');
      if (advance) move(1);
    }).catch(function (e) { toast(e.message, true); });
  }

  function forget(r) {
    var v = state.view;
    api('/api/review', {doc_id: v.doc_id, text_sha256: r.text_sha256, kind: r.kind, start: r.start, end: r.end,
      original: r.original, action: 'unreview'})
      .then(function (nv) { setView(nv, state.sel); toast('stale review forgotten'); })
      .catch(function (e) { toast(e.message, true); });
  }

  function findItem(v, kind, start, end) {
    for (var i = 0; i < v.items.length; i++) {
      var m = v.items[i].m;
      if (v.items[i].kind === kind && m.start === start && m.end === end) return i;
    }
    return -1;
  }

  /* --- keyboard --- */
  document.addEventListener('keydown', function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    var typing = ev.target.closest && ev.target.closest('textarea,select,input:not([type=checkbox])');
    if (ev.key === 'Escape') { $('help').hidden = true; closeForms(); if (typing) ev.target.blur(); return; }
    if (typing || !state.view) return;
    var k = ev.key;
    if (k === 'j') move(1);
    else if (k === 'k') move(-1);
    else if (k === 'a') act('accept', state.sel);
    else if (k === 'r') act('reject', state.sel);
    else if (k === 'u') act('unreview', state.sel);
    else if (k === 'e' && state.sel >= 0 && state.view.items[state.sel].status !== 'rejected' && !snapshot) edit(state.sel);
    else if (k === 'n') add();
    else if (k === ']' || k === '[') stepDoc(k === ']' ? 1 : -1);
    else if (k === '?') $('help').hidden = !$('help').hidden;
    else return;
    ev.preventDefault();
  });

  function stepDoc(step) {
    var shown = state.docs.filter(docShown);
    var i = shown.findIndex(function (d) { return d.doc_id === state.view.doc_id; });
    var d = shown[i + step];
    if (d) openDoc(d.doc_id);
  }

  window.addEventListener('hashchange', function () {
    var want = decodeURIComponent(location.hash.slice(1));
    if (want && (!state.view || want !== state.view.doc_id)) openDoc(want);
  });
  $('add-btn').addEventListener('mousedown', function (ev) { ev.preventDefault(); });  // keep the selection
  $('add-btn').addEventListener('click', add);
  $('help-btn').addEventListener('click', function () { $('help').hidden = !$('help').hidden; });
  ['f-unreviewed', 'f-low', 'f-threshold'].forEach(function (id) {
    $(id).addEventListener('change', function () {
      renderDocs();
      if (state.view) { renderItems(); }
    });
  });

  loadDocs().then(function () {
    var want = decodeURIComponent(location.hash.slice(1));
    var first = state.docs.find(function (d) { return d.doc_id === want; }) || state.docs[0];
    if (first) return openDoc(first.doc_id);
    $('doc-head').replaceChildren(el('p', {className: 'empty'}, 'no output documents in this folder'));
  }).catch(function (e) { toast(e.message, true); });
})();
