/* Search of the offline edition: every word typed must appear in a page's title or text.
   The index is a script (search-index.js), since browsers do not let pages fetch files from file://. */
(function () {
  "use strict";
  var box = document.getElementById("search-box");
  var list = document.getElementById("search-results");
  var count = document.getElementById("search-count");
  var index = window.SEARCH_INDEX || [];
  if (!box) { return; }
  var form = document.getElementById("search-form");
  var labels = Object.assign({ one: "{count} page found", other: "{count} pages found" },
    JSON.parse(form.getAttribute("data-words") || "{}"));
  function words(text) { return text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").split(/\W+/).filter(Boolean); }
  var prepared = index.map(function (entry) {
    return { entry: entry, haystack: " " + words(entry.title + " " + entry.text).join(" ") + " " };
  });
  function snippet(text, word) {
    var at = text.toLowerCase().indexOf(word);
    var start = Math.max(0, at - 60);
    return (start ? "…" : "") + text.slice(start, start + 160) + (text.length > start + 160 ? "…" : "");
  }
  function search() {
    var wanted = words(box.value);
    list.innerHTML = "";
    if (!wanted.length) { count.textContent = ""; return; }
    var found = prepared.filter(function (p) {
      return wanted.every(function (w) { return p.haystack.indexOf(" " + w) >= 0; });
    });
    found.slice(0, 30).forEach(function (p) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = p.entry.url;
      link.textContent = p.entry.kind + ": " + p.entry.title;
      var text = document.createElement("p");
      text.className = "meta";
      text.textContent = snippet(p.entry.text, wanted[0]);
      item.appendChild(link);
      item.appendChild(text);
      list.appendChild(item);
    });
    count.textContent = labels[found.length === 1 ? "one" : "other"].replace("{count}", found.length);
  }
  box.addEventListener("input", search);
}());
