// convlesson receptive fields: the page's "Explore" section. The build wrote
// every map of every variant as a table and, in <script type="application/json"
// id="explore-data">, each cell's arithmetic and the cells it depends on
// (computed from the lesson's traces, through padding, stride, dilation and
// pooling). This script only looks them up: picking a cell (click, tap, or
// focus with Tab and the arrow keys) outlines what it reads and what it
// feeds, shows its arithmetic and says it to screen readers. Without the
// script the section stays hidden and the page is the walkthrough as before.
(function () {
  'use strict';

  // Every word this script writes comes from the lesson's message catalogue,
  // in the section's data-text attribute (site/receptive_field.cc).
  var TEXT;
  var minus = '\u2212';  // numbers read the same in every language

  var section = document.getElementById('explore');
  var dataElement = document.getElementById('explore-data');
  if (!section || !dataElement) return;
  var data;
  try {
    data = JSON.parse(dataElement.textContent);
    TEXT = JSON.parse(section.getAttribute('data-text'));
  } catch (e) {
    return;  // the section stays hidden
  }
  if (!data || !data.variants || !data.variants.length) return;

  var readout = {
    cell: document.getElementById('explore-cell'),
    arithmetic: document.getElementById('explore-arithmetic'),
    links: document.getElementById('explore-links'),
  };
  var blocks = Array.prototype.slice.call(section.querySelectorAll('[data-explore-variant-block]'));
  var switchButtons = Array.prototype.slice.call(section.querySelectorAll('[data-explore-variant]'));
  var state = {variant: 0, selected: null};  // selected: {map, index}
  var inverses = [];  // per variant, built on first use: who reads each cell

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) { return String(values[key]); });
  }

  function number(n) { return n < 0 ? minus + String(-n) : String(n); }

  function count(n, noun) { return n + ' ' + (n === 1 ? noun[0] : noun[1]); }

  function joinList(items) {
    if (items.length <= 1) return items.join('');
    return fill(TEXT.listAnd, {items: items.slice(0, -1).join(', '), last: items[items.length - 1]});
  }

  // Sorted integers as runs: [0, 1, 2, 3] -> "0 to 3", [0, 2, 4] -> "0, 2 and 4".
  function runs(values) {
    var sorted = values.slice().sort(function (a, b) { return a - b; });
    var parts = [];
    for (var i = 0; i < sorted.length;) {
      var j = i;
      while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) ++j;
      parts.push(j > i ? fill(TEXT.range, {first: number(sorted[i]), last: number(sorted[j])}) : number(sorted[i]));
      i = j + 1;
    }
    return joinList(parts);
  }

  function variantData() { return data.variants[state.variant]; }

  function block() { return blocks[state.variant]; }

  function mapIndex(key) {
    var maps = variantData().maps;
    for (var i = 0; i < maps.length; ++i) if (maps[i].key === key) return i;
    return -1;
  }

  function table(key) { return block() && block().querySelector('table[data-map="' + key + '"]'); }

  // For each later map, which of its cells read a given input cell (through
  // their field) or a given feature-map cell (through their window).
  function inverse() {
    if (inverses[state.variant]) return inverses[state.variant];
    var maps = variantData().maps;
    var inv = {byInput: {}, byMap: {}};
    maps.forEach(function (map, m) {
      if (m === 0) return;
      inv.byInput[map.key] = {};
      inv.byMap[map.key] = {};
      map.cells.forEach(function (cell, i) {
        cell[1].forEach(function (p) { (inv.byInput[map.key][p] = inv.byInput[map.key][p] || []).push(i); });
        cell[2].forEach(function (p) { (inv.byMap[map.key][p] = inv.byMap[map.key][p] || []).push(i); });
      });
    });
    inverses[state.variant] = inv;
    return inv;
  }

  // The cells to outline for a pick: {mapKey: [indices]}.
  function linked(key, index) {
    var maps = variantData().maps;
    var m = mapIndex(key);
    var out = {};
    var inv = inverse();
    if (m === 0) {  // an input cell: every later cell whose field holds it
      maps.slice(1).forEach(function (map) { out[map.key] = inv.byInput[map.key][index] || []; });
      return out;
    }
    var cell = maps[m].cells[index];
    out.input = cell[1];
    maps.slice(1, m).forEach(function (map) { out[map.key] = cell[2]; });  // the feature map and activated map share cells
    // Later maps: the activated cell of a feature-map cell, the pooled cells whose window holds it.
    if (key === 'conv' || key === 'activated') {
      var position = key === 'conv' ? index : cell[2][0];
      maps.slice(m + 1).forEach(function (map) { out[map.key] = inv.byMap[map.key][position] || []; });
    }
    return out;
  }

  function cells(key) {
    var t = table(key);
    return t ? t.querySelectorAll('td[data-cell]') : [];
  }

  function clearMarks() {
    Array.prototype.forEach.call(section.querySelectorAll('.is-linked, .is-selected'), function (td) {
      td.classList.remove('is-linked', 'is-selected');
    });
    Array.prototype.forEach.call(section.querySelectorAll('td[aria-selected="true"]'), function (td) {
      td.setAttribute('aria-selected', 'false');
    });
  }

  function mark(key, index, selected) {
    clearMarks();
    var groups = linked(key, index);
    Object.keys(groups).forEach(function (k) {
      var list = cells(k);
      groups[k].forEach(function (i) { if (list[i]) list[i].classList.add('is-linked'); });
    });
    var own = cells(key)[index];
    if (own) {
      own.classList.add('is-selected');
      if (selected) own.setAttribute('aria-selected', 'true');
    }
    return groups;
  }

  function gridName(key) {
    var t = table(key);
    return t ? t.getAttribute('data-name') : key;
  }

  // The words for a pick: where it is, its arithmetic, what it reads or feeds.
  function describe(key, index, groups) {
    var v = variantData();
    var m = mapIndex(key);
    var map = v.maps[m];
    var row = Math.floor(index / map.cols), col = index % map.cols;
    if (m === 0) { row -= v.pad[0]; col -= v.pad[2]; }
    var words = {
      cell: fill(TEXT.cell, {map: gridName(key), row: number(row), col: number(col)}),
      arithmetic: map.cells[index][0],
      links: '',
    };
    var parts = [];
    if (m > 0) {
      var input = v.maps[0];
      var rows = [], cols = [], padding = 0;
      groups.input.forEach(function (p) {
        var r = Math.floor(p / input.cols) - v.pad[0], c = p % input.cols - v.pad[2];
        if (rows.indexOf(r) < 0) rows.push(r);
        if (cols.indexOf(c) < 0) cols.push(c);
        var inside = r >= 0 && c >= 0 && r < input.rows - v.pad[0] - v.pad[1] && c < input.cols - v.pad[2] - v.pad[3];
        if (!inside) ++padding;
      });
      var reads = fill(TEXT.reads, {count: count(groups.input.length, TEXT.nouns.input), rows: runs(rows), cols: runs(cols)});
      if (padding) reads += fill(TEXT.readsPadding, {padding: padding});
      parts.push(reads + '.');
    }
    var later = v.maps.slice(m + 1).map(function (l) {
      return groups[l.key] && groups[l.key].length ? count(groups[l.key].length, TEXT.nouns[l.key]) : '';
    }).filter(Boolean);
    if (m + 1 < v.maps.length) parts.push(later.length ? fill(TEXT.feeds, {list: joinList(later)}) : TEXT.feedsNothing);
    words.links = parts.join(' ');
    return words;
  }

  function select(td) {
    var t = td.closest('table[data-map]');
    var key = t.getAttribute('data-map');
    var index = Number(td.getAttribute('data-cell'));
    Array.prototype.forEach.call(t.querySelectorAll('td[tabindex="0"]'), function (other) { other.tabIndex = -1; });
    td.tabIndex = 0;
    state.selected = {map: key, index: index};
    var words = describe(key, index, mark(key, index, true));
    readout.cell.textContent = words.cell;
    readout.arithmetic.textContent = words.arithmetic;
    readout.links.textContent = words.links;
  }

  // Hovering previews a cell's links; leaving the grids shows the pick again.
  function preview(td) {
    var t = td.closest('table[data-map]');
    mark(t.getAttribute('data-map'), Number(td.getAttribute('data-cell')), false);
  }

  function restore() {
    if (state.selected) mark(state.selected.map, state.selected.index, true);
    else clearMarks();
  }

  function move(td, key, ctrl) {
    var t = td.closest('table[data-map]');
    var map = variantData().maps[mapIndex(t.getAttribute('data-map'))];
    var index = Number(td.getAttribute('data-cell'));
    var row = Math.floor(index / map.cols), col = index % map.cols;
    switch (key) {
      case 'ArrowLeft': col = Math.max(0, col - 1); break;
      case 'ArrowRight': col = Math.min(map.cols - 1, col + 1); break;
      case 'ArrowUp': row = Math.max(0, row - 1); break;
      case 'ArrowDown': row = Math.min(map.rows - 1, row + 1); break;
      case 'Home': col = 0; if (ctrl) row = 0; break;
      case 'End': col = map.cols - 1; if (ctrl) row = map.rows - 1; break;
      default: return false;
    }
    var target = t.querySelector('td[data-cell="' + (row * map.cols + col) + '"]');
    if (target) target.focus();  // focusing selects
    return true;
  }

  function showVariant(index) {
    if (index === state.variant || index < 0 || index >= data.variants.length) return false;
    state.variant = index;
    state.selected = null;
    clearMarks();
    blocks.forEach(function (b, i) { b.hidden = i !== index; });
    switchButtons.forEach(function (button) {
      button.setAttribute('aria-pressed', String(Number(button.getAttribute('data-explore-variant')) === index));
    });
    readout.arithmetic.textContent = '';
    readout.links.textContent = '';
    readout.cell.textContent = readout.cell.getAttribute('data-none');
    return true;
  }

  section.addEventListener('focusin', function (e) {
    var td = e.target.closest && e.target.closest('td[data-cell]');
    if (td && section.contains(td)) select(td);
  });
  // A click on a cell focuses it (it has a tabindex), which selects it.
  // Moves only: a pick that changes the readout's height must not preview
  // whichever cell the layout then slides under a still pointer.
  var previewed = null;
  section.addEventListener('pointermove', function (e) {
    if (e.pointerType !== 'mouse') return;
    var td = e.target.closest && e.target.closest('td[data-cell]');
    if (td && td !== previewed) preview(td);
    previewed = td;
  });
  section.addEventListener('pointerout', function (e) {
    if (e.pointerType !== 'mouse') return;
    var to = e.relatedTarget && e.relatedTarget.closest && e.relatedTarget.closest('td[data-cell]');
    if (!to) {
      previewed = null;
      restore();
    }
  });
  section.addEventListener('keydown', function (e) {
    if (e.altKey || e.metaKey) return;
    var td = e.target.closest && e.target.closest('td[data-cell]');
    if (td && move(td, e.key, e.ctrlKey)) e.preventDefault();
  });
  switchButtons.forEach(function (button) {
    button.addEventListener('click', function () {
      var index = Number(button.getAttribute('data-explore-variant'));
      if (showVariant(index)) document.dispatchEvent(new CustomEvent('convlesson:variant', {detail: {index: index, from: 'explore'}}));
    });
  });
  // The player's switch and this one show the same variant.
  document.addEventListener('convlesson:variant', function (e) {
    if (e.detail && e.detail.from !== 'explore') showVariant(e.detail.index);
  });

  readout.cell.setAttribute('data-none', readout.cell.textContent);
  section.hidden = false;
  Array.prototype.forEach.call(document.querySelectorAll('.toc .needs-script'), function (li) { li.hidden = false; });
})();
