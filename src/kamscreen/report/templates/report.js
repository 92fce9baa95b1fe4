{#- report.html's one inline script: the shared table and evidence behaviour, then the cards. -#}
{% include "table.js" %}
{% include "evidence.js" %}
{% raw %}
(function () {
  "use strict";
  // Cards: open from the table (the candidate's link), close with the button.
  var rows = Array.prototype.slice.call(document.querySelectorAll("#ranking tr.row"));
  function openCard(index) {
    var card = document.getElementById("card-" + index);
    if (!card) { return; }
    card.hidden = false;
    rows.forEach(function (r) { r.classList.toggle("open", r.dataset.index === String(index)); });
    card.scrollIntoView({ block: "start" });
  }
  document.querySelector("#ranking tbody").addEventListener("click", function (ev) {
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
})();
{% endraw %}
