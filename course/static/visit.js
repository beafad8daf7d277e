// Tell the server this lesson was opened ("continue where you left off", time spent): a page view
// never writes, so the page posts the visit itself. Without JavaScript, marking the lesson
// complete records the visit too.
(function () {
  var lesson = document.querySelector("[data-visit-url]");
  var token = document.querySelector('meta[name="csrf-token"]');
  if (!lesson || !token || !window.fetch) return;
  fetch(lesson.getAttribute("data-visit-url"), {
    method: "POST", credentials: "same-origin", keepalive: true,
    headers: { "X-CSRFToken": token.getAttribute("content") }
  }).catch(function () {});
})();
