/* The in-page quiz of a package: draws the questions, grades them in the page and reports the result.
   Grading follows course/questions/grading.py and numbers.py (the server's rules) for the types a page
   can grade; tests/browser/test_packages.py holds the two to the same answers. It fires "quiz:graded" on the form with
   {percent, passed, points, max}; scorm.js listens for it in SCORM packages. */
(function () {
  "use strict";
  var form = document.getElementById("quiz");
  if (!form) { return; }
  var data = JSON.parse(document.getElementById("quiz-data").textContent);
  var box = document.getElementById("questions");
  var result = document.getElementById("result");
  var again = document.getElementById("new-quiz");
  var submit = document.getElementById("submit-quiz");
  // The page's words in its language (data-words, written by the template), English when a page has none.
  var words = Object.assign({
    question: "Question {number}", "true": "True", "false": "False", answer: "Your answer", choose: "Choose…",
    correct: "Correct.", partial: "Partly correct.", wrong: "Not correct.", score: "Your score: {percent} %",
    passed: "you reached the pass mark.", failed: "below the pass mark of {mark} %."
  }, JSON.parse(form.getAttribute("data-words") || "{}"));
  function say(key, values) {
    return words[key].replace(/\{(\w+)\}/g, function (all, name) { return values && name in values ? values[name] : all; });
  }
  var PASS_TOLERANCE = 1e-9;
  var EPSILON = 1e-7;
  var asked = [];

  function shuffled(list) {
    var copy = list.slice();
    for (var i = copy.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1));
      var swap = copy[i]; copy[i] = copy[j]; copy[j] = swap;
    }
    return copy;
  }

  function draw() {
    var chosen = data.fixed.map(function (slot) { return { q: slot.question, mark: slot.mark }; });
    data.draws.forEach(function (d) {
      shuffled(d.pool).slice(0, d.count).forEach(function (q) { chosen.push({ q: q, mark: d.mark }); });
    });
    return chosen;
  }

  function el(tag, attrs, html) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (html !== undefined) { node.innerHTML = html; }
    return node;
  }

  function choice(name, type, value, labelHtml, id) {
    var wrap = el("div", { "class": "option" });
    var input = el("input", { type: type, name: name, value: value, id: id });
    wrap.appendChild(input);
    wrap.appendChild(el("label", { "for": id }, labelHtml));
    return wrap;
  }

  function renderQuestion(entry, index) {
    var q = entry.q;
    var name = "r" + index;
    var section = el("section", { "class": "question", "data-question": q.id });
    var fieldset = el("fieldset");
    fieldset.appendChild(el("legend", {}, "<strong>" + say("question", { number: index + 1 }) + "</strong>"));
    fieldset.appendChild(el("div", { "class": "stem" }, q.html + (q.html_after ? " _____ " + q.html_after : "")));
    if (q.type === "single" || q.type === "multi") {
      shuffled(q.options).forEach(function (o) {
        fieldset.appendChild(choice(name, q.type === "single" ? "radio" : "checkbox", o.id, o.html, name + o.id));
      });
    } else if (q.type === "truefalse") {
      fieldset.appendChild(choice(name, "radio", "true", say("true"), name + "t"));
      fieldset.appendChild(choice(name, "radio", "false", say("false"), name + "f"));
    } else if (q.type === "short" || q.type === "numerical") {
      var input = el("input", { type: "text", name: name, id: name + "text", "aria-label": say("answer") });
      fieldset.appendChild(input);
    } else if (q.type === "matching") {
      q.subquestions.forEach(function (sub) {
        var id = name + sub.id;
        var row = el("div", { "class": "option" });
        row.appendChild(el("label", { "for": id }, sub.html));
        var select = el("select", { name: name + ":" + sub.id, id: id });
        select.appendChild(el("option", { value: "" }, say("choose")));
        shuffled(q.choices).forEach(function (c) {
          var option = el("option", { value: c.id });
          option.textContent = c.text;
          select.appendChild(option);
        });
        row.appendChild(select);
        fieldset.appendChild(row);
      });
    }
    fieldset.appendChild(el("div", { "class": "feedback", "aria-live": "polite" }));
    section.appendChild(fieldset);
    return section;
  }

  function start() {
    asked = draw();
    box.innerHTML = "";
    asked.forEach(function (entry, index) { box.appendChild(renderQuestion(entry, index)); });
    result.textContent = "";
    submit.hidden = false;
    if (again) { again.hidden = true; }
  }

  function responseOf(entry, index) {
    var q = entry.q, name = "r" + index;
    var inputs = form.querySelectorAll('[name="' + name + '"]');
    if (q.type === "single" || q.type === "truefalse") {
      var picked = Array.prototype.filter.call(inputs, function (i) { return i.checked; });
      if (!picked.length) { return null; }
      return q.type === "truefalse" ? picked[0].value === "true" : picked[0].value;
    }
    if (q.type === "multi") {
      return Array.prototype.filter.call(inputs, function (i) { return i.checked; }).map(function (i) { return i.value; });
    }
    if (q.type === "short" || q.type === "numerical") { return inputs.length ? inputs[0].value : ""; }
    if (q.type === "matching") {
      var chosen = {};
      q.subquestions.forEach(function (sub) {
        chosen[sub.id] = form.querySelector('[name="' + name + ":" + sub.id + '"]').value;
      });
      return chosen;
    }
    return null;
  }

  function clamp(x) { return Math.min(1, Math.max(0, x)); }
  function normalised(text) { return text.normalize("NFC").trim().split(/\s+/).join(" "); }
  function escapeRegExp(text) { return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

  function wildcardMatch(pattern, typed, caseSensitive) {
    var bits = normalised(pattern).split(/(?<!\\)\*+/);
    var source = bits.map(function (bit) { return escapeRegExp(bit.replace(/\\\*/g, "*")); }).join(".*");
    return new RegExp("^(?:" + source + ")$", caseSensitive ? "s" : "is").test(typed);
  }

  /* Numbers as people type them: course/questions/numbers.py's rules (1500, 1,500, 1 500, 0.5, 0,5, 1.5e3). */
  var SHAPE = /^([+-]?)([0-9][0-9 ',.]*|[.,][0-9]+)([eE][+-]?[0-9]+)?$/;
  var GROUPED = /^[0-9]{1,3}(?:([ ',.])[0-9]{3})(?:\1[0-9]{3})*$/;
  function count(text, mark) { return text.split(mark).length - 1; }
  function cut(text, at) { return [text.slice(0, at), text.slice(at + 1)]; }
  function grouped(integer, fraction) {
    if (!GROUPED.test(integer) && !/^[0-9]+$/.test(integer)) { return null; }
    if (fraction && !/^[0-9]+$/.test(fraction)) { return null; }
    var digits = integer.replace(/[ ',.]/g, "");
    return fraction ? digits + "." + fraction : digits;
  }
  function plainNumber(body) {
    var parts;
    if (body.indexOf(" ") >= 0 || body.indexOf("'") >= 0) {
      var decimal = body.indexOf(".") >= 0 ? "." : (body.indexOf(",") >= 0 ? "," : "");
      parts = decimal ? cut(body, body.lastIndexOf(decimal)) : [body, ""];
      return grouped(parts[0], parts[1]);
    }
    var points = count(body, "."), commas = count(body, ",");
    if (points && commas) {
      parts = cut(body, Math.max(body.lastIndexOf("."), body.lastIndexOf(",")));
      return grouped(parts[0], parts[1]);
    }
    var mark = points ? "." : (commas ? "," : "");
    if (!mark) { return body; }
    if (count(body, mark) > 1) { return grouped(body, ""); }
    parts = cut(body, body.indexOf(mark));
    if (parts[1].length === 3 && parts[0] !== "" && parts[0] !== "0" && mark === ",") { return grouped(body, ""); }
    return parts[1] ? (parts[0] || "0") + "." + parts[1] : null;
  }
  function readNumber(text) {
    var match = SHAPE.exec(String(text).trim().replace(/[\u00a0\u2009\u202f]/g, " ").replace(/\u2019/g, "'").replace(/\u2212/g, "-"));
    if (!match) { return null; }
    var whole = plainNumber(match[2]);
    if (whole === null) { return null; }
    var number = parseFloat(match[1] + whole + (match[3] || ""));
    return isFinite(number) ? number : null;
  }

  function accepts(answer, number) {
    if (answer.value === null && (answer.low === null || answer.high === null)) { return true; }
    if (answer.low !== null && answer.high !== null) {
      return Math.min(answer.low, answer.high) <= number && number <= Math.max(answer.low, answer.high);
    }
    var slack = Math.abs(answer.tolerance) + 1e-12 * Math.max(1, Math.abs(answer.value));
    return Math.abs(number - answer.value) <= slack;
  }

  /* [fraction or null, feedback HTML] */
  function grade(q, response) {
    var i, found;
    if (q.type === "single") {
      found = q.options.filter(function (o) { return o.id === response; })[0];
      return found ? [clamp(found.fraction), found.feedback] : [0, ""];
    }
    if (q.type === "multi") {
      var picked = q.options.filter(function (o) { return response.indexOf(o.id) >= 0; });
      var sum = picked.reduce(function (total, o) { return total + o.fraction; }, 0);
      return [clamp(sum), picked.map(function (o) { return o.feedback; }).join(" ")];
    }
    if (q.type === "truefalse") {
      if (response === null) { return [0, ""]; }
      return [response === q.answer ? 1 : 0, response ? q.feedback_true : q.feedback_false];
    }
    if (q.type === "short") {
      var typed = normalised(response || "");
      if (!typed) { return [0, ""]; }
      for (i = 0; i < q.answers.length; i++) {
        if (wildcardMatch(q.answers[i].text, typed, q.case_sensitive)) { return [clamp(q.answers[i].fraction), q.answers[i].feedback]; }
      }
      return [0, ""];
    }
    if (q.type === "numerical") {
      var number = readNumber(response || "");
      if (number === null) { return [0, ""]; }
      for (i = 0; i < q.answers.length; i++) {
        if (accepts(q.answers[i], number)) { return [clamp(q.answers[i].fraction), q.answers[i].feedback]; }
      }
      return [0, ""];
    }
    if (q.type === "matching") {
      if (!q.subquestions.length) { return [0, ""]; }
      var hits = q.subquestions.filter(function (sub) { return response[sub.id] === sub.answer; }).length;
      return [hits / q.subquestions.length, ""];
    }
    return [null, ""];
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var points = 0, max = 0;
    asked.forEach(function (entry, index) {
      var outcome = grade(entry.q, responseOf(entry, index));
      var section = box.children[index];
      if (outcome[0] === null) { return; }
      max += entry.mark;
      points += outcome[0] * entry.mark;
      var state = outcome[0] >= 1 - EPSILON ? "correct" : (outcome[0] > 0 ? "partial" : "wrong");
      section.className = "question " + state;
      section.querySelector(".feedback").innerHTML = "<p><strong>" + say(state) + "</strong></p>" +
        (outcome[1] || "") + (entry.q.general_feedback || "");
    });
    var percent = max ? Math.round((points / max) * 10000) / 100 : 0;
    var passed = max > 0 && percent >= data.pass_mark - PASS_TOLERANCE;
    result.innerHTML = "<p><strong>" + say("score", { percent: percent }) + "</strong> — " +
      (passed ? say("passed") : say("failed", { mark: data.pass_mark })) + "</p>";
    submit.hidden = true;
    if (again) { again.hidden = false; }
    form.dispatchEvent(new CustomEvent("quiz:graded", { detail: { percent: percent, passed: passed, points: points, max: max } }));
  });

  window.cbecQuiz = { grade: grade, readNumber: readNumber };  // for the tests that compare with the server
  if (again) { again.addEventListener("click", start); }
  start();
}());
