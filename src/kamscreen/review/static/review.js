/* kamscreen review: keyboard (j/k move, Enter opens, 1–5 decide, Esc leaves the note) and decisions saved from the list.
   Decisions go to the server at once (POST with the page's CSRF token); nothing is kept in the browser
   but the order of the filtered list, so that j/k on a candidate's page follow it. */
(function () {
  "use strict";
  var csrf = (document.querySelector('meta[name="csrf"]') || {}).content || "";
  var ORDER_KEY = "kamscreen-order";
  var store = (function () { try { return window.sessionStorage; } catch (e) { return null; } })();
  function typing(ev) {
    var t = ev.target;
    return ev.altKey || ev.ctrlKey || ev.metaKey || (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)));
  }
  var decisionKeys = {};
  var table = document.getElementById("ranking");
  ((table && table.dataset.keys) || "").split(" ").forEach(function (pair) {
    var kv = pair.split("=");
    if (kv.length === 2) { decisionKeys[kv[0]] = kv[1]; }
  });

  // The ranking: a selected row moved with j/k, opened with Enter, decided with 1–5.
  if (document.body.classList.contains("page-list") && table) {
    var selected = null;
    var visible = function () { return Array.prototype.slice.call(table.querySelectorAll("tbody tr.row:not([hidden])")); };
    var rememberOrder = function () {
      if (store) { try { store.setItem(ORDER_KEY, JSON.stringify(visible().map(function (r) { return r.dataset.sha256; }))); } catch (e) { /* full */ } }
    };
    var select = function (row) {
      if (selected) { selected.classList.remove("sel"); }
      selected = row;
      if (row) { row.classList.add("sel"); row.scrollIntoView({ block: "nearest" }); }
    };
    document.addEventListener("kamscreen:filtered", function () {
      if (selected && selected.hidden) { select(null); }
      rememberOrder();
    });
    rememberOrder();
    table.querySelector("tbody").addEventListener("click", function (ev) {
      var row = ev.target.closest("tr.row");
      if (!row) { return; }
      if (ev.target.closest("a")) { rememberOrder(); return; }
      select(row);
    });
    var decide = function (row, decision) {
      var body = new FormData();
      body.append("decision", decision);
      body.append("keep_note", "1");
      row.classList.add("saving");
      fetch(row.dataset.href + "/decision", {
        method: "POST", body: body, credentials: "same-origin",
        headers: { "X-CSRF-Token": csrf, "Accept": "application/json" }
      }).then(function (r) {
        if (!r.ok) { throw new Error("HTTP " + r.status); }
        return r.json();
      }).then(function (data) {
        var cell = row.querySelector("td.decision"), d = data.decision;
        var was = row.dataset.decision;
        row.dataset.decision = d ? d.decision : "";
        cell.textContent = "";
        if (d) {
          var span = document.createElement("span");
          span.className = "dec d-" + d.decision;
          span.textContent = d.decision;
          span.title = d.recruiter + " · " + d.decided_at;
          cell.appendChild(span);
        }
        var count = document.getElementById("decided-count");
        if (count && !was && d) { count.textContent = String(parseInt(count.textContent, 10) + 1); }
        row.classList.remove("saving");
        row.classList.add("saved");
      }).catch(function (err) {
        row.classList.remove("saving");
        row.classList.add("failed");
        row.title = "not saved: " + err.message + " (reload the page)";
      });
    };
    document.addEventListener("keydown", function (ev) {
      if (typing(ev)) { return; }
      var rows = visible(), i = selected ? rows.indexOf(selected) : -1;
      if (ev.key === "j") { select(rows[Math.min(i + 1, rows.length - 1)] || null); ev.preventDefault(); }
      else if (ev.key === "k") { select(rows[Math.max(i - 1, 0)] || null); ev.preventDefault(); }
      else if ((ev.key === "Enter" || ev.key === "o") && selected) { rememberOrder(); location.href = selected.dataset.href; }
      else if (decisionKeys[ev.key] && selected) { decide(selected, decisionKeys[ev.key]); ev.preventDefault(); }
    });
  }

  // A candidate: j/k to the next/previous one of the list as filtered, 1–5 decide (with the note typed).
  if (document.body.classList.contains("page-candidate")) {
    var card = document.getElementById("candidate"), pager = document.querySelector("nav.pager");
    var neighbour = function (step) {
      var order = [];
      try { order = JSON.parse((store && store.getItem(ORDER_KEY)) || "[]"); } catch (e) { order = []; }
      var i = order.indexOf(card.dataset.sha256);
      if (i >= 0) { return order[i + step] ? "/c/" + order[i + step] : ""; }
      return step > 0 ? pager.dataset.next : pager.dataset.prev;
    };
    document.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape" && ev.target && ev.target.tagName === "INPUT") { ev.target.blur(); return; }
      if (typing(ev)) { return; }
      var target = ev.key === "j" ? neighbour(1) : ev.key === "k" ? neighbour(-1) : null;
      if (target) { location.href = target; ev.preventDefault(); return; }
      var button = document.querySelector('#decide button[data-key="' + ev.key + '"]');
      if (button) { ev.preventDefault(); button.click(); }
    });
  }
})();
