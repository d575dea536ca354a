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
    }
    iterations(name);
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
    var total = tbody.querySelectorAll("tr").length;
    step.value = k;
    load(k).then(function (p) {
      picture = p;
      var rows = tbody.querySelectorAll("tr");
      var current = k > 0 && rows[k - 1] ? rows[k - 1].dataset.state : null;
      colour(p, k < total ? current : null);
      rows.forEach(function (tr, i) { tr.classList.toggle("dim", i >= k); });
      stepLabel.textContent = k >= total ? "all " + total + " events" : "after event " + k + " of " + total
        + (rows[k - 1] ? ": " + rows[k - 1].children[1].textContent + (current ? " " + current : "") : "");
      if (selected) show(selected);
    });
  }
  step.addEventListener("input", function () { stepTo(parseInt(step.value, 10)); });
  document.getElementById("step-prev").onclick = function () { stepTo(Math.max(0, parseInt(step.value, 10) - 1)); };
  document.getElementById("step-next").onclick = function () { stepTo(Math.min(parseInt(step.max, 10), parseInt(step.value, 10) + 1)); };

  load(-1).then(function (p) { picture = p; exec.dataset.picture = "loaded"; });

  // Live: new events and colours while it runs.
  if (exec.dataset.status === "RUNNING" && window.EventSource) {
    var after = parseInt(exec.dataset.events, 10);
    var source = new EventSource("events?arn=" + encodeURIComponent(arn) + "&after=" + after);
    source.addEventListener("update", function (ev) {
      var d = JSON.parse(ev.data);
      tbody.insertAdjacentHTML("beforeend", d.rows);
      picture = d.picture;
      var live = parseInt(step.value, 10) >= parseInt(step.max, 10);
      step.max = d.picture.events;
      if (live) { step.value = d.picture.events; colour(picture, null); stepLabel.textContent = "all " + d.picture.events + " events"; }
      document.getElementById("status").innerHTML = '<span class="badge ' + d.picture.status + '">' + d.picture.status + "</span>";
      if (selected) show(selected);
    });
    source.addEventListener("end", function () { source.close(); refreshSummary(); });
  }
})();
