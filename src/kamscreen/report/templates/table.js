{% raw %}
/* The ranking table (#ranking) of report.html and of the review app: sort, filter every column, search.
   Numbers sort high first (the rank low first), checklist statuses met > partly > not met > no data,
   groups pass > no data > fail > needs a human read; blanks always last. A number filter takes
   "5", ">= 5", "< 3" (≥ ≤ too); other filters match words. Sort and filters live in sessionStorage. */
(function () {
  "use strict";
  var table = document.getElementById("ranking");
  if (!table) { return; }
  var tbody = table.querySelector("tbody");
  var rows = Array.prototype.slice.call(tbody.querySelectorAll("tr.row"));
  var ORDER = {
    status: ["met", "partly met", "not met", "no data"],
    group: ["pass", "no data on a must-have", "fail", "needs a human read", "needs OCR", "could not be read"]
  };
  var stateKey = "kamscreen-table:" + location.pathname;
  var store = (function () { try { return window.sessionStorage; } catch (e) { return null; } })();
  function camel(key) { return key.replace(/-([a-z0-9])/g, function (m, c) { return c.toUpperCase(); }); }
  function value(row, key) { return row.dataset[camel(key)] || ""; }
  function th(key) { return table.querySelector('tr.sort th[data-key="' + key + '"]'); }

  function sortBy(key, dir) {
    var head = th(key);
    if (!head) { return; }
    var type = head.dataset.type || "text";
    table.querySelectorAll("tr.sort th").forEach(function (h) { h.classList.remove("asc", "desc"); });
    head.classList.add(dir === 1 ? "asc" : "desc");
    rows.sort(function (a, b) {
      var x = value(a, key), y = value(b, key);
      if (x === "" || y === "") { return (x === "") - (y === ""); }
      if (type === "num") { return dir * (parseFloat(x) - parseFloat(y)); }
      if (ORDER[type]) { return dir * (rank(ORDER[type], x) - rank(ORDER[type], y)); }
      return dir * x.localeCompare(y);
    });
    rows.forEach(function (r) { tbody.appendChild(r); });
    save({ sort: key, dir: dir });
  }
  function rank(order, v) { var i = order.indexOf(v); return i < 0 ? order.length : i; }
  table.querySelectorAll("tr.sort th[data-key]").forEach(function (head) {
    head.addEventListener("click", function () {
      var first = head.dataset.type === "num" && head.dataset.first !== "asc" ? -1 : 1;
      var dir = head.classList.contains("asc") ? -1 : head.classList.contains("desc") ? 1 : first;
      sortBy(head.dataset.key, dir);
    });
  });

  var NUMBER = /^\s*(<=|>=|<|>|=|≤|≥)?\s*(-?\d+(?:[.,]\d+)?)\s*$/;
  var search = document.getElementById("search");
  var filters = Array.prototype.slice.call(table.querySelectorAll("[data-filter-for]"));
  function matches(row, input) {
    var want = input.value.trim().toLowerCase();
    if (!want) { return true; }
    var key = input.dataset.filterFor, have = value(row, key);
    var head = th(key), m = NUMBER.exec(want);
    if (head && head.dataset.type === "num" && m) {
      if (have === "") { return false; }
      var x = parseFloat(have), n = parseFloat(m[2].replace(",", "."));
      switch (m[1]) {
        case ">": return x > n;
        case "<": return x < n;
        case ">=": case "≥": return x >= n;
        case "<=": case "≤": return x <= n;
        case "=": return x === n;
        default: return key === "rank" ? x <= n : x >= n;
      }
    }
    if (input.tagName === "SELECT") { return have.toLowerCase() === want; }
    return have.toLowerCase().indexOf(want) >= 0;
  }
  function apply() {
    var q = search ? search.value.trim().toLowerCase() : "";
    rows.forEach(function (r) {
      var text = q ? (r.textContent + " " + value(r, "flagtext") + " " + value(r, "name")).toLowerCase() : "";
      r.hidden = !((!q || text.indexOf(q) >= 0) && filters.every(function (f) { return matches(r, f); }));
    });
    var values = {};
    filters.forEach(function (f) { if (f.value) { values[f.dataset.filterFor] = f.value; } });
    save({ filters: values, search: search ? search.value : "" });
    document.dispatchEvent(new CustomEvent("kamscreen:filtered"));
  }
  filters.forEach(function (f) { f.addEventListener("input", apply); f.addEventListener("change", apply); });
  if (search) { search.addEventListener("input", apply); }
  var clear = document.getElementById("clear-filters");
  if (clear) {
    clear.addEventListener("click", function () {
      filters.forEach(function (f) { f.value = ""; });
      if (search) { search.value = ""; }
      apply();
    });
  }

  function load() { try { return JSON.parse((store && store.getItem(stateKey)) || "{}"); } catch (e) { return {}; } }
  function save(part) {
    if (!store) { return; }
    var state = load();
    Object.keys(part).forEach(function (k) { state[k] = part[k]; });
    try { store.setItem(stateKey, JSON.stringify(state)); } catch (e) { /* storage full or off: no memory */ }
  }
  var state = load();
  if (state.sort) { sortBy(state.sort, state.dir || 1); }
  if (state.filters || state.search) {
    filters.forEach(function (f) { f.value = (state.filters || {})[f.dataset.filterFor] || ""; });
    if (search) { search.value = state.search || ""; }
    apply();
  }
})();
{% endraw %}
