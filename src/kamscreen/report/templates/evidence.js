{% raw %}
/* Evidence: clicking (or Enter on) a checklist line or a flag lights up its spans in the CV text. */
(function () {
  "use strict";
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
  document.querySelectorAll(".card .crit, .card .flagline").forEach(function (item) {
    item.addEventListener("click", function () { showEvidence(item); });
    item.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { showEvidence(item); } });
  });
})();
{% endraw %}
