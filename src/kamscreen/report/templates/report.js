{% raw %}
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kamscreen-data").textContent);
  var tbody = document.querySelector("#ranking tbody");
  var rows = Array.prototype.slice.call(tbody.querySelectorAll("tr.row"));
  var storeKey = function (file) { return "kamscreen:" + data.reportId + ":" + file; };
  var storage = (function () { try { return window.localStorage; } catch (e) { return null; } })();

  // Sorting: click a header; numbers sort numerically, blanks last.
  document.querySelectorAll("#ranking th[data-key]").forEach(function (th) {
    th.addEventListener("click", function () {
      var key = th.dataset.key, numeric = th.dataset.type === "num";
      var dir = th.classList.contains("asc") ? -1 : 1;
      document.querySelectorAll("#ranking th").forEach(function (h) { h.classList.remove("asc", "desc"); });
      th.classList.add(dir === 1 ? "asc" : "desc");
      rows.sort(function (a, b) {
        var x = a.dataset[camel(key)] || "", y = b.dataset[camel(key)] || "";
        if (x === "" || y === "") { return (x === "") - (y === ""); }
        if (numeric) { return dir * (parseFloat(x) - parseFloat(y)); }
        return dir * x.localeCompare(y);
      });
      rows.forEach(function (r) { tbody.appendChild(r); });
    });
  });
  function camel(key) { return key.replace(/-([a-z0-9])/g, function (m, c) { return c.toUpperCase(); }); }

  // Filtering: free text over the row, and by verdict.
  var filter = document.getElementById("filter"), verdict = document.getElementById("verdict-filter");
  function applyFilter() {
    var q = filter.value.trim().toLowerCase(), v = verdict.value;
    rows.forEach(function (r) {
      var ok = (!q || r.textContent.toLowerCase().indexOf(q) >= 0) && (!v || r.dataset.verdict === v);
      r.hidden = !ok;
    });
  }
  filter.addEventListener("input", applyFilter);
  verdict.addEventListener("change", applyFilter);

  // Cards: open from the table, close with the button.
  function openCard(index) {
    var card = document.getElementById("card-" + index);
    if (!card) { return; }
    card.hidden = false;
    rows.forEach(function (r) { if (r.dataset.index === String(index)) { r.classList.add("open"); } });
    card.scrollIntoView({ block: "start" });
  }
  tbody.addEventListener("click", function (ev) {
    if (ev.target.closest("select")) { return; }
    var row = ev.target.closest("tr.row");
    if (row) { ev.preventDefault(); openCard(row.dataset.index); }
  });
  document.querySelectorAll(".card .close").forEach(function (b) {
    b.addEventListener("click", function () {
      var card = b.closest(".card");
      card.hidden = true;
      rows.forEach(function (r) { if (r.dataset.index === card.dataset.index) { r.classList.remove("open"); } });
    });
  });

  // Evidence: clicking a criterion or a flag lights up its spans in the CV text.
  function showEvidence(item) {
    var card = item.closest(".card");
    card.querySelectorAll("mark.active").forEach(function (m) { m.classList.remove("active"); });
    card.querySelectorAll(".selected").forEach(function (m) { m.classList.remove("selected"); });
    item.classList.add("selected");
    var old = card.querySelector(".cv .note");
    if (old) { old.remove(); }
    var ids = (item.dataset.ev || "").split(" ").filter(Boolean), first = null;
    ids.forEach(function (id) {
      card.querySelectorAll('mark[data-ev~="' + id + '"]').forEach(function (m) {
        m.classList.add("active");
        if (!first) { first = m; }
      });
    });
    if (first) {
      first.scrollIntoView({ block: "center" });
    } else {
      var note = document.createElement("p");
      note.className = "note";
      note.textContent = "No evidence in the text for this line.";
      card.querySelector(".cv").insertBefore(note, card.querySelector(".cv pre"));
    }
  }
  document.querySelectorAll(".crit, .flagline").forEach(function (item) {
    item.addEventListener("click", function () { showEvidence(item); });
    item.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { showEvidence(item); } });
  });

  // Decisions: kept in localStorage; every control of the same file shows the same value.
  var selects = document.querySelectorAll("select.decision");
  function decisionOf(file) { return storage ? storage.getItem(storeKey(file)) || "" : ""; }
  selects.forEach(function (s) {
    s.value = decisionOf(s.dataset.file);
    s.addEventListener("change", function () {
      if (storage) {
        if (s.value) { storage.setItem(storeKey(s.dataset.file), s.value); }
        else { storage.removeItem(storeKey(s.dataset.file)); }
      }
      selects.forEach(function (o) { if (o.dataset.file === s.dataset.file) { o.value = s.value; } });
    });
  });

  // Export: file,label rows in the stage vocabulary `kamscreen train` reads. A cell a spreadsheet
  // would run as a formula gets a leading quote (as in ranking.csv); `kamscreen train` drops it.
  function csvField(value) {
    if (/^[=+\-@\t\r]/.test(value)) { value = "'" + value; }
    return /[",\r\n]/.test(value) ? '"' + value.replace(/"/g, '""') + '"' : value;
  }
  document.getElementById("export-labels").addEventListener("click", function () {
    var lines = ["file,label"];
    data.files.forEach(function (file) {
      var decision = decisionOf(file) || (document.querySelector('select.decision[data-file="' + CSS.escape(file) + '"]') || {}).value;
      if (decision && data.labels[decision]) { lines.push(csvField(file) + "," + data.labels[decision]); }
    });
    var blob = new Blob([lines.join("\r\n") + "\r\n"], { type: "text/csv;charset=utf-8" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = "labels.csv";
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
  });
})();
{% endraw %}
