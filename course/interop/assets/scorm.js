/* SCORM 1.2 run-time glue for the package's SCOs: finds the LMS's API object in a parent frame or the
   opener, starts the session (LMSInitialize), reports and ends it (LMSSetValue, LMSCommit, LMSFinish).
   A lesson is "completed" when the trainee says they have read it; the quiz reports its score
   (cmi.core.score.raw, 0-100) and "passed" or "failed" once, when it is graded in the page. */
(function () {
  "use strict";
  function findAPI(win) {
    for (var hops = 0; win && hops < 20; hops++) {
      if (win.API) { return win.API; }
      if (!win.parent || win.parent === win) { break; }
      win = win.parent;
    }
    return null;
  }
  var api = findAPI(window) || (window.opener ? findAPI(window.opener) : null);
  var kind = document.body.getAttribute("data-sco");
  var status = document.getElementById(kind === "lesson" ? "lesson-status" : "result");
  if (!api) {
    if (status) { status.textContent = "Not connected to a learning platform: nothing will be recorded."; }
    return;
  }
  var finished = false;
  function finish() {
    if (finished) { return; }
    finished = true;
    api.LMSCommit("");
    api.LMSFinish("");
  }
  api.LMSInitialize("");
  var before = api.LMSGetValue("cmi.core.lesson_status");
  if (before === "not attempted" || before === "") {
    api.LMSSetValue("cmi.core.lesson_status", "incomplete");
  }
  if (kind === "lesson") {
    document.getElementById("lesson-done").addEventListener("click", function () {
      if (finished) { return; }
      api.LMSSetValue("cmi.core.lesson_status", "completed");
      finish();
      status.textContent = "Recorded: lesson completed.";
    });
  } else if (kind === "quiz") {
    document.getElementById("quiz").addEventListener("quiz:graded", function (event) {
      if (finished) { return; }
      api.LMSSetValue("cmi.core.score.min", "0");
      api.LMSSetValue("cmi.core.score.max", "100");
      api.LMSSetValue("cmi.core.score.raw", String(event.detail.percent));
      api.LMSSetValue("cmi.core.lesson_status", event.detail.passed ? "passed" : "failed");
      finish();
    });
  }
  window.addEventListener("pagehide", finish);
}());
