/* probis situs: offline search over the prebuilt index (assets/indeks-cari.js). */
(function () {
  "use strict";
  var index = window.PROBIS_INDEKS || [];
  var input = document.getElementById("q");
  var list = document.getElementById("hasil-cari");
  var status = document.getElementById("status-cari");
  var LIMIT = 100;
  function fold(text) {
    return text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  }
  function search(query) {
    var words = fold(query).split(/\s+/).filter(Boolean);
    list.textContent = "";
    if (!words.length) { status.textContent = ""; return; }
    var hits = [];
    for (var i = 0; i < index.length; i++) {
      var entry = index[i];
      var text = entry[3];
      if (words.every(function (w) { return text.indexOf(w) !== -1; })) {
        var title = fold(entry[1]);
        var score = words.reduce(function (s, w) { return s + (title.indexOf(w) !== -1 ? 2 : 0); }, 0);
        hits.push([score, i]);
      }
    }
    hits.sort(function (a, b) { return b[0] - a[0] || a[1] - b[1]; });
    status.textContent = hits.length ? status.getAttribute("data-count").replace("{n}", hits.length) : status.getAttribute("data-none");
    hits.slice(0, LIMIT).forEach(function (hit) {
      var entry = index[hit[1]];
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = entry[0];
      a.textContent = entry[1];
      var kind = document.createElement("small");
      kind.textContent = " · " + entry[2];
      li.appendChild(a);
      li.appendChild(kind);
      list.appendChild(li);
    });
    if (hits.length > LIMIT) {
      var more = document.createElement("li");
      more.textContent = status.getAttribute("data-more").replace("{n}", hits.length - LIMIT);
      list.appendChild(more);
    }
  }
  var initial = new URLSearchParams(location.search).get("q") || "";
  input.value = initial;
  search(initial);
  input.addEventListener("input", function () { search(input.value); });
})();
