// Save answers in the background as the trainee works; the Save button does the same without JS.
(function () {
  var form = document.getElementById("attempt-form");
  if (!form || !window.fetch) return;
  var status = document.getElementById("autosave-status");
  var words = JSON.parse(form.getAttribute("data-words") || "{}");
  var timer = null;
  function save() {
    fetch(form.action, { method: "POST", body: new FormData(form), headers: { "Accept": "application/json" },
                         credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (data) { status.textContent = data.error ? data.error : (words.saved || "All answers saved."); })
      .catch(function () { status.textContent = words.not_saved || "Could not save just now; your answers stay on this page."; });
  }
  form.addEventListener("change", function () { clearTimeout(timer); timer = setTimeout(save, 400); });
  form.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(save, 1500); });
})();
