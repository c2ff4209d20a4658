/* probis situs: progressive enhancement only; every page reads fine without it. */
(function () {
  "use strict";
  // Diagrams fit the page; a button shows one at full size (scroll inside the frame).
  document.querySelectorAll(".diagram").forEach(function (fig) {
    var button = fig.querySelector(".perbesar");
    if (!button) return;
    button.hidden = false;
    button.addEventListener("click", function () { fig.classList.toggle("besar"); });
  });
  // Pohon kinerja: open everything, and open the branch a link points at.
  var all = document.getElementById("buka-semua");
  if (all) {
    all.hidden = false;
    all.addEventListener("click", function () {
      document.querySelectorAll("details").forEach(function (d) { d.open = true; });
    });
  }
  function openTarget() {
    if (!location.hash) return;
    var el = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    for (var n = el; n; n = n.parentElement) { if (n.tagName === "DETAILS") n.open = true; }
    if (el) el.scrollIntoView();
  }
  window.addEventListener("hashchange", openTarget);
  openTarget();
  // Findings: filter by OPD, family and severity (also from ?keluarga=T in the address).
  var form = document.getElementById("saring");
  if (form) {
    form.hidden = false;
    var params = new URLSearchParams(location.search);
    ["opd", "keluarga", "tingkat"].forEach(function (name) {
      var value = params.get(name);
      if (value !== null && form.elements[name]) form.elements[name].value = value;
    });
    var rows = document.querySelectorAll("table.temuan tbody tr");
    var out = document.getElementById("jumlah-temuan");
    var apply = function () {
      var shown = 0;
      rows.forEach(function (row) {
        var ok = ["opd", "keluarga", "tingkat"].every(function (name) {
          var want = form.elements[name].value;
          return !want || row.getAttribute("data-" + name) === want;
        });
        row.hidden = !ok;
        if (ok) shown += 1;
      });
      out.textContent = out.getAttribute("data-template").replace("{shown}", shown).replace("{total}", rows.length);
    };
    form.addEventListener("change", apply);
    apply();
  }
})();
