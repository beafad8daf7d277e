// A timed attempt that helps (progressive enhancement: without JavaScript the page shows the deadline, in the
// trainee's time zone, and the server refuses late answers). Counts down, announces 5 and 1
// minutes left politely without moving the focus, and when the time is up submits the answers on the page.
// Also keeps the question navigator's "answered" and "flagged" marks in step with the form.
(function () {
  var form = document.getElementById("attempt-form");
  if (!form) return;
  // The page's language: the words come from the server (data-words), dates follow <html lang>.
  var words = JSON.parse(form.getAttribute("data-words") || "{}");
  function word(key, fallback, n) { return (words[key] || fallback).replace("{n}", n); }
  var language = document.documentElement.lang || undefined;

  // --- the question navigator
  function refreshNavigator() {
    var links = document.querySelectorAll(".question-nav a[data-item]");
    Array.prototype.forEach.call(links, function (link) {
      var item = link.getAttribute("data-item");
      var box = document.getElementById("question-" + item);
      if (!box) return;
      var answered = Array.prototype.some.call(box.querySelectorAll("input, textarea, select"), function (field) {
        if (field.name === "flagged" || field.type === "hidden") return false;
        if (field.type === "radio" || field.type === "checkbox") return field.checked;
        return field.value.trim() !== "";
      });
      var flag = document.getElementById("flag-" + item);
      var flagged = flag && flag.checked;
      link.classList.toggle("answered", answered);
      link.classList.toggle("flagged", !!flagged);
      var state = link.querySelector(".nav-state");
      if (state) state.textContent = (answered ? word("answered", "answered") : word("not_answered", "not answered")) + (flagged ? word("flagged", ", flagged") : "");
    });
  }
  form.addEventListener("change", refreshNavigator);
  form.addEventListener("input", refreshNavigator);

  // --- the countdown
  var timer = document.getElementById("timer");
  if (!timer) return;
  var deadline = Date.parse(timer.getAttribute("data-deadline"));
  if (isNaN(deadline)) return;
  var countdown = document.getElementById("countdown");
  var announcement = document.getElementById("time-announcement");
  var announced = {};
  var submitted = false;
  countdown.hidden = false;

  function left(ms) {
    var seconds = Math.max(0, Math.ceil(ms / 1000));
    var h = Math.floor(seconds / 3600), m = Math.floor((seconds % 3600) / 60), s = seconds % 60;
    return (h ? h + ":" + String(m).padStart(2, "0") : String(m)) + ":" + String(s).padStart(2, "0");
  }
  function timeUp() {
    submitted = true;
    countdown.textContent = word("time_up", "Time is up: submitting your answers…");
    announcement.textContent = word("time_up_announced", "Time is up. Your answers are being submitted.");
    var marker = document.createElement("input");
    marker.type = "hidden"; marker.name = "timed_out"; marker.value = "1";
    form.appendChild(marker);
    form.action = form.getAttribute("data-submit");
    form.submit();
  }
  function tick() {
    if (submitted) return;
    var remaining = deadline - Date.now();
    if (remaining <= 0) { timeUp(); return; }
    countdown.textContent = word("time_left", "Time left: {n}", left(remaining));
    [5, 1].forEach(function (minutes) {
      if (remaining <= minutes * 60000 && !announced[minutes] && remaining > (minutes * 60000) - 30000) {
        announced[minutes] = true;
        announcement.textContent = minutes === 1 ? word("one_minute", "One minute left.") : word("minutes_left", "{n} minutes left.", minutes);
      } else if (remaining <= minutes * 60000) {
        announced[minutes] = true;  // the page opened later than that: no announcement for a moment already past
      }
    });
    countdown.classList.toggle("urgent", remaining <= 60000);
  }
  tick();
  setInterval(tick, 1000);
})();
