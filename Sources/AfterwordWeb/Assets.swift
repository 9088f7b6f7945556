/// The stylesheet and the script: plain CSS and a little plain JavaScript, no build step.
///
/// Served from `/static/` so the Content-Security-Policy can forbid inline script and style.
enum Assets {
    /// A folded note, in the header's colours.
    static let icon = #"""
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1f2a44"/><path d="M6 10h20v13H6z" fill="#fdfcf9"/><path d="M6 10l10 8 10-8" fill="none" stroke="#f5a300" stroke-width="2"/></svg>
        """#

    static let css = #"""
        :root { --ink: #1b1b1f; --muted: #4a4a55; --paper: #fdfcf9; --line: #c9c6bd; --accent: #0b5cad; --bad: #a4161a; --warn: #8a5a00; --hint: #2f5f2f; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: var(--paper); }
        a { color: var(--accent); }
        :focus-visible { outline: 3px solid #f5a300; outline-offset: 2px; }
        .skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem; }
        .skip:focus { left: .5rem; }
        .top { background: #1f2a44; }
        .top nav { display: flex; flex-wrap: wrap; gap: .25rem 1rem; max-width: 60rem; margin: 0 auto; padding: .75rem 1rem; }
        .top a { color: #fff; text-decoration: none; padding: .25rem .1rem; }
        .top a[aria-current="page"] { border-bottom: 3px solid #f5a300; }
        .top .brand { font-weight: 700; margin-right: 1rem; }
        main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
        h1 { font-size: 1.6rem; margin: .5rem 0 1rem; }
        h2 { font-size: 1.2rem; margin-top: 2rem; }
        table.rows { width: 100%; border-collapse: collapse; }
        .rows th, .rows td { text-align: left; padding: .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        tr.overdue td:first-child { color: var(--bad); font-weight: 600; }
        ul.plain { list-style: none; padding: 0; }
        ul.plain > li { padding: .4rem 0; border-bottom: 1px solid var(--line); }
        .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: .75rem 1rem; margin: 1rem 0; }
        .field { display: flex; flex-direction: column; gap: .2rem; }
        .wide, .actions { grid-column: 1 / -1; }
        label { font-weight: 600; }
        fieldset label, label.wide { font-weight: 400; display: block; }
        small { color: var(--muted); }
        input, select, textarea, button { font: inherit; }
        input, select, textarea { padding: .45rem; border: 1px solid #77746b; border-radius: 4px; background: #fff; color: var(--ink); width: 100%; }
        input[type=radio], input[type=checkbox] { width: auto; }
        fieldset { border: 1px solid var(--line); border-radius: 4px; }
        fieldset input[type=datetime-local] { width: auto; }
        button, .button { display: inline-block; background: var(--accent); color: #fff; border: 0; border-radius: 4px; padding: .5rem 1rem; cursor: pointer; text-decoration: none; }
        button.secondary { background: #fff; color: var(--accent); border: 1px solid var(--accent); }
        form.inline, form + form { margin-top: .75rem; }
        .flash { background: #e6f1e6; border-left: 4px solid var(--hint); padding: .5rem .75rem; }
        .caution { background: #fdf3dc; border-left: 4px solid var(--warn); padding: .5rem .75rem; }
        button.danger { background: var(--bad); border-color: var(--bad); }
        fieldset { border: 1px solid var(--line); border-radius: 4px; margin: 0 0 1rem; padding: .75rem 1rem; }
        legend { font-weight: 600; padding: 0 .25rem; }
        .field.invalid input, .field.invalid select, .field.invalid textarea { border-color: var(--bad); outline: 2px solid var(--bad); }
        .field-error { color: var(--bad); font-weight: 600; display: block; }
        .problem { background: #fbeaea; border-left: 4px solid var(--bad); padding: .5rem .75rem; margin-bottom: 1rem; }
        .tag { display: inline-block; font-size: .85rem; padding: 0 .4rem; border-radius: 3px; background: #e8e6df; }
        .tag.bad, .tag.failed, .tag.uncertain { background: #fbeaea; color: var(--bad); }
        .tag.sent { background: #e6f1e6; color: var(--hint); }
        .facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
        .facts dt { font-weight: 600; }
        .facts dd { margin: 0; }
        .editor { position: relative; }
        .editor .backdrop, .editor textarea { font: 16px/1.5 ui-monospace, "DejaVu Sans Mono", monospace; padding: .6rem; border: 1px solid #77746b; border-radius: 4px; white-space: pre-wrap; overflow-wrap: break-word; word-wrap: break-word; margin: 0; letter-spacing: normal; }
        .editor .backdrop { position: absolute; inset: 0; overflow: hidden; background: #fff; color: transparent; border-color: transparent; }
        .editor .highlights { white-space: pre-wrap; overflow-wrap: break-word; }
        .editor textarea { position: relative; background: transparent; min-height: 18rem; resize: vertical; display: block; }
        .editor mark { color: transparent; border-radius: 2px; }
        mark.error { background: #f7c5c5; box-shadow: 0 2px 0 var(--bad); }
        mark.warning { background: #fbe3b0; box-shadow: 0 2px 0 var(--warn); }
        mark.hint { background: #d7ecd7; }
        .findings { padding-left: 1.2rem; }
        .finding.error .severity { color: var(--bad); font-weight: 700; }
        .finding.warning .severity { color: var(--warn); font-weight: 700; }
        .finding .rule { font-family: ui-monospace, monospace; font-weight: 600; }
        .subject-findings .finding { display: block; color: var(--bad); }
        @media (max-width: 40rem) {
          table.rows thead { position: absolute; left: -999px; }
          table.rows tr { display: block; border-bottom: 2px solid var(--line); padding: .5rem 0; }
          table.rows td { display: block; border: 0; padding: .15rem 0; }
          table.rows td::before { content: attr(data-label) ": "; font-weight: 600; }
        }
        """#

    static let javascript = #"""
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
        """#
}
