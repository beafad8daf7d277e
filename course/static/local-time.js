// Times on the pages are written in the viewer's profile time zone. A viewer who has not chosen
// one gets UTC from the server, marked data-browser-zone: rewrite those in the browser's own zone.
(function () {
  var script = document.currentScript;
  var note = (script && script.getAttribute("data-note")) || "In your browser's time zone ({zone}). Choose a time zone on your profile to fix it.";
  if (!window.Intl || !Intl.DateTimeFormat) return;
  var styles = {
    datetime: { weekday: "short", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short" },
    date: { weekday: "short", day: "numeric", month: "short", year: "numeric" },
    time: { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short" }
  };
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
  var times = document.querySelectorAll("time[data-browser-zone]");
  for (var i = 0; i < times.length; i++) {
    var el = times[i];
    var moment = new Date(el.getAttribute("datetime"));
    var options = styles[el.getAttribute("data-browser-zone")] || styles.datetime;
    if (isNaN(moment.getTime())) continue;
    el.textContent = new Intl.DateTimeFormat(document.documentElement.lang || undefined, options).format(moment);
    el.setAttribute("title", note.replace("{zone}", zone || "?"));
  }
})();
