/* mtlint HTML report: filters, finding details, keyboard navigation.
   Everything shown from the data is set with textContent, never parsed as HTML. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("mtlint-data").textContent);
  var findings = data.findings;
  var heads = Array.prototype.slice.call(document.querySelectorAll(".hl.head"));
  heads.sort(function (a, b) { return Number(a.dataset.f) - Number(b.dataset.f); });
  var piecesOf = {};
  document.querySelectorAll(".hl").forEach(function (el) {
    (piecesOf[el.dataset.f] = piecesOf[el.dataset.f] || []).push(el);
  });
  var detail = document.getElementById("detail");
  var count = document.getElementById("count");
  var current = null;

  function slug(s) { return String(s).toLowerCase().replace(/[^a-z0-9-]/g, "-"); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }
  function checked(selector) {
    var out = {};
    document.querySelectorAll(selector).forEach(function (box) { out[box.value] = box.checked; });
    return out;
  }

  function shown(f) {
    var cats = checked(".f-cat"), sevs = checked(".f-sev");
    var fixable = document.getElementById("f-fixable");
    return cats[f.category] !== false && sevs[f.severity] !== false && !(fixable && fixable.checked && !f.fix);
  }

  function applyFilters() {
    var visible = 0, perDoc = {};
    findings.forEach(function (f, i) {
      var on = shown(f), doc = data.views[i].doc;
      perDoc[doc] = perDoc[doc] || [0, 0];
      perDoc[doc][1] += 1;
      if (on) { visible += 1; perDoc[doc][0] += 1; }
      (piecesOf[i] || []).forEach(function (p) {
        p.classList.toggle("off", !on);
        if (p.classList.contains("head")) { p.tabIndex = on ? 0 : -1; }
      });
    });
    if (count) { count.textContent = "Showing " + visible + " of " + findings.length + " findings"; }
    document.querySelectorAll(".doc-count").forEach(function (c) {
      var n = perDoc[c.dataset.doc] || [0, 0];
      c.textContent = n[0] === n[1] ? n[1] + (n[1] === 1 ? " finding" : " findings")
                                     : n[0] + " of " + n[1] + " findings shown";
    });
    if (current !== null && !shown(findings[current])) { select(null); }
  }

  /* An edit that spans lines, shown like a unified diff: one "-" row per deleted line, "+" per inserted. */
  function lineDiff(d) {
    var box = el("div", "diff");
    function rows(text, tag, sign) {
      if (!text) { return; }
      var lines = text.replace(/\n$/, "").split("\n");
      lines.forEach(function (l) {
        var row = el(tag, "line", sign + " ");
        if (l.trim()) { row.appendChild(document.createTextNode(l)); }
        else { row.appendChild(el("span", "blank", "(blank line)")); }
        box.appendChild(row);
      });
    }
    if (d.before.trim()) { box.appendChild(el("div", "ctx", "  " + d.before)); }
    rows(d.deleted, "del", "-");
    rows(d.inserted, "ins", "+");
    if (d.after.trim()) { box.appendChild(el("div", "ctx", "  " + d.after)); }
    return box;
  }

  function diffBlock(view, applicability) {
    var box = el("div", "d-fix");
    box.appendChild(el("span", "tag " + applicability,
                       applicability === "safe" ? "safe fix (applied by --fix)" : "unsafe fix (needs --unsafe-fixes)"));
    view.diff.forEach(function (d) {
      if ((d.deleted + d.inserted).indexOf("\n") >= 0) { box.appendChild(lineDiff(d)); return; }
      var line = el("div", "diff");
      line.appendChild(el("span", "ctx", d.before));
      if (d.deleted) { line.appendChild(el("del", "", d.deleted.replace(/\n/g, "⏎\n"))); }
      if (d.inserted) { line.appendChild(el("ins", "", d.inserted.replace(/\n/g, "⏎\n"))); }
      if (!d.deleted && !d.inserted) { line.appendChild(el("span", "empty", "(no change)")); }
      line.appendChild(el("span", "ctx", d.after));
      box.appendChild(line);
    });
    return box;
  }

  function showDetail(i) {
    detail.textContent = "";
    if (i === null) {
      detail.appendChild(el("p", "hint", "Select a highlighted passage to see what was found, why, and the fix."));
      return;
    }
    var f = findings[i], view = data.views[i], rule = data.rules[f.code] || {};
    detail.dataset.f = String(i);
    var head = el("div", "d-head");
    head.appendChild(el("span", "d-code c-" + slug(f.category), f.code));
    head.appendChild(el("span", "d-rule", f.rule));
    detail.appendChild(head);
    detail.appendChild(el("div", "d-meta", f.category + " · " + f.severity + " · " + f.path + ":" + f.line + ":" +
                          f.column + (f.line === f.end_line ? "–" + f.end_column : " to " + f.end_line + ":" + f.end_column)));
    detail.appendChild(el("p", "d-msg", f.message));
    if (f.fix) { detail.appendChild(diffBlock(view, f.fix.applicability)); }
    var explain = el("details", "explain");
    explain.open = true;
    explain.appendChild(el("summary", "", "Why this matters (mtlint explain " + f.code + ")"));
    explain.appendChild(docText(rule.explanation || "No documentation available."));
    detail.appendChild(explain);
    var pos = visibleHeads().indexOf(heads[i]);
    detail.appendChild(el("p", "d-nav", "Finding " + (pos + 1) + " of " + visibleHeads().length +
                          " shown · j / ↓ next · k / ↑ previous · Esc clears"));
  }

  /* The docstring as `mtlint explain` prints it, reflowed for a narrow panel: runs of unindented lines
     become paragraphs (a bullet starts a new one); indented runs (examples, lists) stay preformatted,
     and an example interrupted only by blank lines stays one block. */
  function docText(text) {
    var blocks = [];
    text.split(/\n[ \t]*\n/).forEach(function (para) {
      var runs = [];
      para.split("\n").forEach(function (line) {
        if (!line.trim()) { return; }
        var pre = /^\s/.test(line) || /^[=-]{3,}\s*$/.test(line);
        var bullet = !pre && /^([-*•]|\d+[.)])\s/.test(line);
        var run = runs[runs.length - 1];
        if (pre && run && run.bullet) { run.lines.push(line); return; }  // a bullet's hanging indent
        if (!run || run.pre !== pre || bullet) { runs.push(run = { pre: pre, bullet: bullet, lines: [] }); }
        run.lines.push(line);
      });
      runs.forEach(function (run, k) {
        var prev = blocks[blocks.length - 1];
        if (k === 0 && run.pre && prev && prev.pre) { prev.lines.push(""); prev.lines = prev.lines.concat(run.lines); }
        else { blocks.push(run); }
      });
    });
    var box = el("div", "doc-text");
    blocks.forEach(function (b) {
      box.appendChild(b.pre ? el("pre", "", b.lines.join("\n"))
                            : el("p", "", b.lines.map(function (l) { return l.trim(); }).join(" ")));
    });
    return box;
  }

  function select(i) {
    if (current !== null) { (piecesOf[current] || []).forEach(function (p) { p.classList.remove("current"); }); }
    current = i;
    if (i !== null) { (piecesOf[i] || []).forEach(function (p) { p.classList.add("current"); }); }
    showDetail(i);
  }

  function visibleHeads() { return heads.filter(function (h) { return !h.classList.contains("off"); }); }

  function go(step) {
    var list = visibleHeads();
    if (!list.length) { return; }
    var at = current === null ? -1 : list.indexOf(document.getElementById("f" + current));
    var next = at < 0 ? (step > 0 ? 0 : list.length - 1) : (at + step + list.length) % list.length;
    focusHead(list[next]);
  }

  function focusHead(h) {
    var doc = h.closest("details");
    if (doc && !doc.open) { doc.open = true; }
    h.focus({ preventScroll: true });
    h.scrollIntoView({ block: "center" });
  }

  document.addEventListener("focusin", function (e) {
    var h = e.target.closest && e.target.closest(".hl.head");
    if (h && !h.classList.contains("off")) { select(Number(h.dataset.f)); }
  });
  document.addEventListener("click", function (e) {
    var p = e.target.closest && e.target.closest(".hl:not(.off)");
    if (!p) { return; }
    var h = document.getElementById("f" + p.dataset.f);
    if (h) { h.focus({ preventScroll: true }); select(Number(p.dataset.f)); }
  });
  document.addEventListener("keydown", function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey) { return; }
    var t = e.target, tag = t && t.tagName;
    if (tag === "TEXTAREA" || tag === "SELECT" || (tag === "INPUT" && t.type !== "checkbox") || (t && t.isContentEditable)) {
      return;
    }
    var onFinding = t && t.classList && t.classList.contains("hl");
    var key = e.key;
    if (key === "j" || ((key === "ArrowDown" || key === "ArrowRight") && onFinding)) { go(1); e.preventDefault(); }
    else if (key === "k" || ((key === "ArrowUp" || key === "ArrowLeft") && onFinding)) { go(-1); e.preventDefault(); }
    else if ((key === "Enter" || key === " ") && onFinding) { select(Number(t.dataset.f)); e.preventDefault(); }
    else if (key === "Escape" && current !== null) {
      var h = document.getElementById("f" + current);
      select(null);
      if (h) { h.blur(); }
    }
  });
  document.querySelectorAll(".f-cat, .f-sev, #f-fixable").forEach(function (box) {
    box.addEventListener("change", applyFilters);
  });
  var prev = document.getElementById("prev"), next = document.getElementById("next");
  if (prev) { prev.addEventListener("click", function () { go(-1); }); }
  if (next) { next.addEventListener("click", function () { go(1); }); }
  /* Keep the details panel and scrolled-to findings clear of the sticky toolbar, whatever its height. */
  var toolbar = document.querySelector(".toolbar");
  function fitToolbar() {
    document.documentElement.style.setProperty("--bar", (toolbar ? toolbar.offsetHeight : 0) + "px");
  }
  window.addEventListener("resize", fitToolbar);
  fitToolbar();
  applyFilters();
}());
