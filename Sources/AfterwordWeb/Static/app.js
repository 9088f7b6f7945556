"use strict";
// Live etiquette check: as the user types, ask the server's checker (the same one the CLI runs)
// and mark the offending words in place. Everything works without this script too.
(function () {
  var form = document.getElementById("editor-form");
  if (!form) return;
  var body = document.getElementById("body");
  var subject = document.getElementById("subject");
  var highlights = document.getElementById("highlights");
  var list = document.getElementById("findings");
  var summary = document.getElementById("findings-summary");
  var subjectNote = document.getElementById("subject-findings");
  var backdrop = highlights.parentNode;
  var token = document.querySelector('meta[name="csrf"]').getAttribute("content");
  var timer = null;
  var sequence = 0;

  function sync() { backdrop.scrollTop = body.scrollTop; backdrop.style.height = body.offsetHeight + "px"; }

  function paint(text, marks) {
    while (highlights.firstChild) highlights.removeChild(highlights.firstChild);
    var at = 0;
    marks.forEach(function (m) {
      if (m.start < at || m.end > text.length) return;
      highlights.appendChild(document.createTextNode(text.slice(at, m.start)));
      var mark = document.createElement("mark");
      mark.className = m.severity;
      mark.setAttribute("data-rule", m.rule);
      mark.title = m.rule + ": " + m.message;
      mark.textContent = text.slice(m.start, m.end);
      highlights.appendChild(mark);
      at = m.end;
    });
    // A trailing newline needs a character after it to take up its line.
    highlights.appendChild(document.createTextNode(text.slice(at) + "\n"));
    sync();
  }

  function describe(result) {
    while (list.firstChild) list.removeChild(list.firstChild);
    while (subjectNote && subjectNote.firstChild) subjectNote.removeChild(subjectNote.firstChild);
    result.findings.forEach(function (f) {
      var item = document.createElement("li");
      item.className = "finding " + f.severity;
      var rule = document.createElement("span");
      rule.className = "rule";
      rule.textContent = f.rule;
      var severity = document.createElement("span");
      severity.className = "severity";
      severity.textContent = f.severity;
      item.appendChild(rule);
      item.appendChild(document.createTextNode(" "));
      item.appendChild(severity);
      item.appendChild(document.createTextNode(" " + (f.excerpt ? "“" + f.excerpt + "”" : "") + ": " + f.message));
      if (f.start !== null && f.start !== undefined) {
        item.tabIndex = 0;
        item.addEventListener("click", function () { body.focus(); body.setSelectionRange(f.start, f.end); });
        item.addEventListener("keydown", function (e) { if (e.key === "Enter") { body.focus(); body.setSelectionRange(f.start, f.end); } });
      }
      list.appendChild(item);
      if (f.field === "subject" && subjectNote) {
        var note = document.createElement("span");
        note.className = "finding " + f.severity;
        note.textContent = f.rule + ": " + f.message;
        subjectNote.appendChild(note);
      }
    });
    summary.textContent = result.summary;
  }

  function check() {
    var mine = ++sequence;
    var data = new URLSearchParams(new FormData(form));
    if (!data.has("csrf")) data.set("csrf", token);
    fetch(form.getAttribute("data-check"), {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json" },
      body: data.toString(),
      credentials: "same-origin"
    }).then(function (r) { return r.ok ? r.json() : null; }).then(function (result) {
      if (!result || mine !== sequence) return;
      paint(body.value, result.findings.filter(function (f) { return f.start !== null && f.start !== undefined && f.end > f.start; }));
      describe(result);
      form.setAttribute("data-checked", String(mine));
    }).catch(function () {});
  }

  function later() { clearTimeout(timer); timer = setTimeout(check, 250); }
  body.addEventListener("input", function () { paint(body.value, []); });
  form.addEventListener("input", later);
  form.addEventListener("change", later);
  body.addEventListener("scroll", sync);
  window.addEventListener("resize", sync);
  check();
})();
