// Stride console: clicks, live updates (server-sent events) and stepping. No library, no build step.
(function () {
  "use strict";
  var WRITE = { "Content-Type": "application/json", "X-Stride-Console": "1" };

  function post(action, body) {
    return fetch(action, { method: "POST", headers: WRITE, body: JSON.stringify(body) }).then(function (r) {
      return r.json().then(function (j) { if (!r.ok) throw new Error(j.message || r.statusText); return j; });
    });
  }
  function el(tag, text, cls) { var e = document.createElement(tag); if (text != null) e.textContent = text; if (cls) e.className = cls; return e; }
  function pretty(v) { return v === undefined ? "" : JSON.stringify(v, null, 2); }
  function go(arn) { location.href = "execution?arn=" + encodeURIComponent(arn); }

  var SVG = "http://www.w3.org/2000/svg", MAX_LANES = 400;
  function svgEl(tag, attrs, text) {
    var e = document.createElementNS(SVG, tag);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (text != null) e.textContent = text;
    return e;
  }
  // Lanes of bars, spans closer than a pixel drawn as one (a 25,000-event loop has thousands).
  function timelineSvg(t) {
    var lanes = t.lanes.slice(0, MAX_LANES), left = 220, width = 900, row = 20, top = 24;
    var total = Math.max(1, t.end - t.start), scale = width / total;
    var svg = svgEl("svg", { "class": "gantt", width: left + width + 20, height: top + lanes.length * row + 8 });
    for (var g = 0; g <= 4; g++) {
      var x = left + width * g / 4;
      svg.appendChild(svgEl("line", { x1: x, x2: x, y1: top - 6, y2: top + lanes.length * row, "class": "tick" }));
      svg.appendChild(svgEl("text", { x: x, y: 12, "class": "tick-label" }, Math.round(total * g / 4) + " ms"));
    }
    lanes.forEach(function (lane, i) {
      var y = top + i * row;
      var label = (lane.branch ? lane.branch + " › " : "") + (lane.iteration != null ? "#" + lane.iteration + " › " : "") + lane.state;
      var g = svgEl("g", { "class": "lane", "data-state": lane.state });
      g.appendChild(svgEl("text", { x: left - 8, y: y + 14, "class": "lane-label" }, label));
      var from = null, to = null, status = null, count = 0;
      function flush() {
        if (from === null) return;
        var r = svgEl("rect", { x: left + from * scale, y: y + 3, width: Math.max(2, (to - from) * scale), height: row - 6,
          "class": "bar bar-" + (status || "succeeded") });
        r.appendChild(svgEl("title", {}, lane.state + ": " + (count > 1 ? count + " entries, " : "") + from + "–" + to + " ms"
          + (status ? " (" + status + ")" : "")));
        g.appendChild(r);
      }
      lane.spans.forEach(function (s) {
        if (from !== null && (s[0] - to) * scale < 1 && (s[2] || null) === status) { to = s[1]; count++; return; }
        flush(); from = s[0]; to = s[1]; status = s[2] || null; count = 1;
      });
      flush();
      svg.appendChild(g);
    });
    if (t.lanes.length > MAX_LANES) {
      svg.appendChild(svgEl("text", { x: left, y: top + lanes.length * row + 4, "class": "tick-label" },
        "first " + MAX_LANES + " of " + t.lanes.length + " lanes"));
    }
    return svg;
  }

  // The machine page: start an execution.
  var start = document.getElementById("start");
  if (start) {
    start.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var msg = start.querySelector(".message");
      msg.textContent = "";
      var input = start.elements.input.value;
      try { JSON.parse(input); } catch (e) { msg.textContent = "The input is not JSON: " + e.message; return; }
      post("api/start", { stateMachineArn: start.dataset.arn, input: input, name: start.elements.name.value })
        .then(function (r) { go(r.executionArn); }, function (e) { msg.textContent = e.message; });
    });
  }

  var exec = document.getElementById("execution");
  if (!exec) return;
  var arn = exec.dataset.arn;
  var graph = document.getElementById("graph");
  var details = document.getElementById("details");
  var tbody = document.querySelector("#events tbody");
  var step = document.getElementById("step");
  var stepLabel = document.getElementById("step-label");
  var picture = null;
  var selected = null;

  function nodes() { return graph.querySelectorAll("g.node[data-state]"); }

  function colour(p, currentState) {
    nodes().forEach(function (g) {
      var keep = g.getAttribute("class").split(/\s+/).filter(function (c) { return c && c.indexOf("st-") !== 0 && c !== "selected"; });
      var s = p.states[g.dataset.state];
      keep.push(s ? s["class"] : "st-notreached");
      if (g.dataset.state === currentState) keep.push("st-current");
      if (g.dataset.state === selected) keep.push("selected");
      g.setAttribute("class", keep.join(" "));
    });
  }

  function load(upTo) {
    return fetch("api/picture?arn=" + encodeURIComponent(arn) + "&upTo=" + upTo).then(function (r) { return r.json(); });
  }

  function show(name) {
    selected = name;
    if (picture) colour(picture, null);
    details.innerHTML = "";
    var s = picture && picture.states[name];
    details.appendChild(el("h2", name));
    if (!s) { details.appendChild(el("p", "Not reached.", "empty")); }
    else {
      details.appendChild(el("p", s.type + " · " + s.status.toLowerCase().replace("_", " ") + (s.retried ? " · retried" : "")
        + (s.entries > 1 ? " · entered " + s.entries + " times" : "") + (s.durationMillis != null ? " · " + s.durationMillis + " ms" : "")));
      if (s.error || s.cause) { var f = el("div", (s.error || "") + (s.cause ? ": " + s.cause : ""), "failure"); details.appendChild(f); }
      details.appendChild(el("h3", "Input")); details.appendChild(el("pre", pretty(s.input)));
      if (s.output !== undefined) { details.appendChild(el("h3", "Output")); details.appendChild(el("pre", pretty(s.output))); }
      if (s.variables !== undefined) { details.appendChild(el("h3", "Variables assigned")); details.appendChild(el("pre", pretty(s.variables), "variables")); }
    }
    iterations(name);
    branches(name);
    filterRows(function (tr) { return true; });
    var only = el("button", "Show only this state's events"); only.type = "button";
    only.onclick = function () { filterRows(function (tr) { return tr.dataset.state === name; }); };
    details.appendChild(only);
    rerun(name, s);
  }

  function iterations(name) {
    var its = (picture ? picture.iterations : []).filter(function (i) { return i.map === name; });
    if (!its.length) return;
    details.appendChild(el("h3", "Iterations"));
    var box = el("div", null, "iterations");
    its.forEach(function (it) {
      var b = el("button", "#" + it.index + " " + it.status.toLowerCase()); b.type = "button";
      b.onclick = function () {
        filterRows(function (tr) { return tr.dataset.iteration === String(it.event); });
        // The Map's states as this iteration left them; clicking one then shows this iteration's input and output.
        fetch("api/picture?arn=" + encodeURIComponent(arn) + "&map=" + encodeURIComponent(name) + "&iteration=" + it.event)
          .then(function (r) { return r.json(); }).then(function (p) {
            p.inside.forEach(function (n) { if (p.states[n]) picture.states[n] = p.states[n]; else delete picture.states[n]; });
            colour(picture, null);
            box.querySelectorAll("button").forEach(function (x) { x.classList.toggle("chosen", x === b); });
          });
      };
      box.appendChild(b);
    });
    var all = el("button", "all iterations"); all.type = "button";
    all.onclick = function () {
      filterRows(function () { return true; });
      load(parseInt(step.value, 10)).then(function (p) { picture = p; colour(p, null); });
    };
    box.appendChild(all);
    details.appendChild(box);
  }

  // A Parallel's branches: choosing one colours its states from just its events.
  function branches(name) {
    var par = (picture && picture.parallels || []).filter(function (p) { return p.state === name; })[0];
    if (!par) return;
    details.appendChild(el("h3", "Branches"));
    var box = el("div", null, "iterations branches");
    for (var i = 0; i < par.branches; i++) (function (i) {
      var b = el("button", "branch " + (i + 1)); b.type = "button";
      b.onclick = function () {
        fetch("api/picture?arn=" + encodeURIComponent(arn) + "&parallel=" + encodeURIComponent(name) + "&branch=" + i)
          .then(function (r) { return r.json(); }).then(function (p) {
            var mine = {};
            p.inside.forEach(function (n) { mine[n] = true; if (p.states[n]) picture.states[n] = p.states[n]; else delete picture.states[n]; });
            colour(picture, null);
            filterRows(function (tr) { return mine[tr.dataset.state] === true; });
            box.querySelectorAll("button").forEach(function (x) { x.classList.toggle("chosen", x === b); });
          });
      };
      box.appendChild(b);
    })(i);
    var all = el("button", "all branches"); all.type = "button";
    all.onclick = function () {
      filterRows(function () { return true; });
      load(parseInt(step.value, 10)).then(function (p) { picture = p; colour(p, null); });
    };
    box.appendChild(all);
    details.appendChild(box);
  }

  function rerun(name, s) {
    var top = graph.querySelector('g.node[data-state="' + CSS.escape(name) + '"]');
    if (!top || top.dataset.scope !== "") return;
    details.appendChild(el("h3", "Re-run from this state"));
    var ta = el("textarea"); ta.rows = 6; ta.value = pretty(s ? s.input : {}); details.appendChild(ta);
    var b = el("button", "Re-run from " + name); b.type = "button";
    var msg = el("p", "", "message");
    b.onclick = function () {
      try { JSON.parse(ta.value); } catch (e) { msg.textContent = "The input is not JSON"; return; }
      post("api/rerun", { executionArn: arn, state: name, input: ta.value }).then(function (r) { go(r.executionArn); },
        function (e) { msg.textContent = e.message; });
    };
    details.appendChild(b); details.appendChild(msg);
  }

  function filterRows(keep) {
    tbody.querySelectorAll("tr").forEach(function (tr) { tr.classList.toggle("hidden", !keep(tr)); });
  }

  graph.addEventListener("click", function (ev) {
    var g = ev.target.closest("g.node[data-state]");
    if (g) show(g.dataset.state);
  });

  // Stop, redrive, start again (one listener on the document: the buttons are swapped when a live run ends).
  document.addEventListener("click", function (ev) {
    var b = ev.target.closest("#actions button[data-action]");
    if (!b) return;
    var msg = document.querySelector("#actions .message");
    post("api/" + b.dataset.action, { executionArn: arn }).then(function (r) {
      if (b.dataset.action === "again") go(r.executionArn); else location.reload();
    }, function (e) { msg.textContent = e.message; });
  });

  // The stop date, duration, price, buttons and error once a live run is over, from the page as it is now.
  function refreshSummary() {
    fetch(location.href, { headers: { Accept: "text/html" } }).then(function (r) { return r.text(); }).then(function (html) {
      var fresh = new DOMParser().parseFromString(html, "text/html");
      var summary = fresh.getElementById("summary");
      if (summary) document.getElementById("summary").replaceWith(summary);
      var status = fresh.getElementById("status");
      if (status) document.getElementById("status").innerHTML = status.innerHTML;
      exec.dataset.status = fresh.getElementById("execution").dataset.status;
    });
  }

  // Stepping through the history: the graph as it was after event k.
  function stepTo(k) {
    var total = parseInt(step.max, 10);
    step.value = k;
    load(k).then(function (p) {
      picture = p;
      var rows = tbody.querySelectorAll("tr");
      var current = p.at ? p.at.state : null;
      colour(p, k < total ? current : null);
      rows.forEach(function (tr, i) { tr.classList.toggle("dim", i >= k); });
      stepLabel.textContent = k >= total ? "all " + total + " events" : "after event " + k + " of " + total
        + (p.at ? ": " + p.at.type + (current ? " " + current : "") : "");
      if (selected) show(selected);
    });
  }
  step.addEventListener("input", function () { stepTo(parseInt(step.value, 10)); });
  document.getElementById("step-prev").onclick = function () { stepTo(Math.max(0, parseInt(step.value, 10) - 1)); };
  document.getElementById("step-next").onclick = function () { stepTo(Math.min(parseInt(step.max, 10), parseInt(step.value, 10) + 1)); };

  picture = JSON.parse(document.getElementById("picture-data").textContent);
  exec.dataset.picture = "loaded";

  // A long history's later rows, a page at a time.
  var more = document.getElementById("more-rows");
  if (more) more.addEventListener("click", function () {
    fetch("api/rows?arn=" + encodeURIComponent(arn) + "&from=" + tbody.dataset.loaded).then(function (r) { return r.text(); }).then(function (html) {
      tbody.insertAdjacentHTML("beforeend", html);
      tbody.dataset.loaded = tbody.querySelectorAll("tr").length;
      var total = parseInt(step.max, 10);
      document.getElementById("rows-shown").textContent = tbody.dataset.loaded + " of " + total + " events shown";
      if (parseInt(tbody.dataset.loaded, 10) >= total) more.remove();
    });
  });

  // The timeline: one lane per state (and Map iteration), its time in the state as bars.
  var box = document.getElementById("timeline-box");
  function drawTimeline() {
    var holder = document.getElementById("timeline");
    fetch("api/timeline?arn=" + encodeURIComponent(arn)).then(function (r) { return r.json(); }).then(function (t) {
      holder.textContent = "";
      holder.appendChild(timelineSvg(t));
      holder.dataset.lanes = t.lanes.length;
    });
  }
  if (box) {
    if (box.open) drawTimeline();
    box.addEventListener("toggle", function () { if (box.open && !document.querySelector("#timeline svg")) drawTimeline(); });
  }


  // Live: new events and colours while it runs.
  if (exec.dataset.status === "RUNNING" && window.EventSource) {
    var after = parseInt(exec.dataset.events, 10);
    var source = new EventSource("events?arn=" + encodeURIComponent(arn) + "&after=" + after);
    source.addEventListener("update", function (ev) {
      var d = JSON.parse(ev.data);
      // Rows in order: appended only when every earlier one is on the page (a long history is shown a page at a time).
      if (parseInt(tbody.dataset.loaded, 10) >= parseInt(step.max, 10)) {
        tbody.insertAdjacentHTML("beforeend", d.rows);
        tbody.dataset.loaded = d.picture.events;
      }
      picture = d.picture;
      var live = parseInt(step.value, 10) >= parseInt(step.max, 10);
      step.max = d.picture.events;
      if (live) { step.value = d.picture.events; colour(picture, null); stepLabel.textContent = "all " + d.picture.events + " events"; }
      document.getElementById("status").innerHTML = '<span class="badge ' + d.picture.status + '">' + d.picture.status + "</span>";
      if (selected) show(selected);
      if (box && box.open) drawTimeline();
    });
    source.addEventListener("end", function () { source.close(); refreshSummary(); });
  }
})();
