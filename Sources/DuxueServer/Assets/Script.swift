extension Assets {
    /// The page's script: plain JavaScript; it writes text only through `textContent` (never HTML), so
    /// every name from the district's files is shown as text.
    static let script = #"""
"use strict";
(function () {
  const lang = document.documentElement.lang === "en" ? "en" : "zh";
  const csrf = document.querySelector('meta[name="duxue-csrf"]').content;
  const districtID = document.querySelector('meta[name="duxue-district"]').content;
  const T = {
    zh: { queued: "排队中", running: "求解中", done: "完成", failed: "失败", cancelled: "已取消", level: "层级", seconds: "秒",
      headcount: "应配人数", appointees: "实聘", fullTimeShare: "专职比例", large: "大规模学校", recruits: "需补充",
      zone: "责任区", employment: "专兼职", count: "人数", schools: "学校", school: "学校", inspector: "督学", stage: "学段",
      enrollment: "在校生", reassign: "改派", choose: "选择新的责任督学（最优在前）", holds: "已负责", km: "公里",
      stageOK: "学段相符", stageNo: "学段不符", cross: "跨责任区", breaks: "将违反", close: "关闭", errors: "错误", warnings: "提醒",
      ok: "全部合规", audit: "重新检查", ms: "毫秒", none: "无", reasons: "原因", name: "姓名", edits: "处改动",
      compliant: "合规", notCompliant: "不合规", kept: "保留", moved: "调整", scenario: "方案", status: "状态",
      working: "处理中…", from: "原督学", to: "新督学", leaving: "离任督学", rules: "各项规则", rule: "规则", source: "依据", title: "内容", figure: "情况",
      ruleOK: "符合", ruleViolated: "不符合", ruleWarning: "提示", ruleNotApplied: "不适用", recruitsFT: "补充专职", recruitsPT: "补充兼职", crossings: "跨区", changed: "变动学校",
      recorded: "已记入任用记录", rosters: "已记录的名册", term: "任期开始", effective: "生效日期", version: "版本", docNo: "文号", file: "来源文件",
      lines: "学校数", replaced: "已被替换", byInspector: "督学任职情况", consecutive: "连续兼职届数（截至下一届）", termsCol: "各届任职（专兼职：学校）",
      bySchool: "学校各届责任督学", pairTerms: "现任督学连续届数", holders: "各届责任督学", changesCSV: "下载变更清单 CSV", chooseBoth: "请选择学校和督学两个文件",
      open: "打开此区县", uploaded: "已上传为临时区县", fullTime: "专职", partTime: "兼职", removeScenario: "删除", problemCount: "输入问题",
      draft: "草稿", filed: "已报备", approved: "已批准" },
    en: { queued: "queued", running: "solving", done: "done", failed: "failed", cancelled: "cancelled", level: "level", seconds: "s",
      headcount: "Required headcount", appointees: "Appointed", fullTimeShare: "Full-time share", large: "Large schools", recruits: "To recruit",
      zone: "Zone", employment: "Employment", count: "People", schools: "Schools", school: "School", inspector: "Inspector", stage: "Stage",
      enrollment: "Enrollment", reassign: "Reassign", choose: "Choose the new inspector (best first)", holds: "holds", km: "km",
      stageOK: "stage matches", stageNo: "stage mismatch", cross: "other zone", breaks: "breaks", close: "Close", errors: "errors", warnings: "warnings",
      ok: "all rules met", audit: "re-audited", ms: "ms", none: "none", reasons: "Reasons", name: "Name", edits: "edits",
      compliant: "compliant", notCompliant: "not compliant", kept: "kept", moved: "moved", scenario: "Scenario", status: "Status",
      working: "working…", from: "From", to: "To", leaving: "Leaving", rules: "Rules", rule: "Rule", source: "Source", title: "Requirement", figure: "Figures",
      ruleOK: "met", ruleViolated: "violated", ruleWarning: "warning", ruleNotApplied: "not applied", recruitsFT: "Recruits FT", recruitsPT: "Recruits PT", crossings: "Cross-zone", changed: "Changed schools",
      recorded: "Recorded", rosters: "Recorded rosters", term: "Term start", effective: "Effective", version: "Version", docNo: "Doc no.", file: "Source file",
      lines: "Schools", replaced: "replaced", byInspector: "Inspectors by term", consecutive: "Consecutive part-time terms (before the next term)", termsCol: "Terms (employment: schools)",
      bySchool: "Schools by term", pairTerms: "Terms with the current holder", holders: "Holders by term", changesCSV: "Download the change list (CSV)", chooseBoth: "choose both files: schools and inspectors",
      open: "Open this district", uploaded: "Uploaded as a district for this session", fullTime: "full-time", partTime: "part-time", removeScenario: "Remove", problemCount: "input problems",
      draft: "draft", filed: "filed", approved: "approved" }
  }[lang];

  const $ = (id) => document.getElementById(id);
  function el(tag, text, attrs) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (attrs) for (const key of Object.keys(attrs)) node.setAttribute(key, attrs[key]);
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }
  // Under the city server a district's workbench lives at /d/ID (meta duxue-base); alone, at the root.
  const baseMeta = document.querySelector('meta[name="duxue-base"]');
  const prefix = baseMeta ? baseMeta.content : "";
  function api(path) { return prefix + path + (path.includes("?") ? "&" : "?") + "lang=" + lang; }
  async function call(method, path, body, type) {
    const headers = { "X-Duxue-CSRF": csrf };
    if (type) headers["Content-Type"] = type;
    const response = await fetch(api(path), { method, headers, body, credentials: "same-origin" });
    const data = await response.json().catch(() => ({}));
    if (!response.ok) {
      const error = new Error(data.message || response.statusText);
      error.problems = data.problems || [];
      throw error;
    }
    return data;
  }
  function showError(node, error) {
    clear(node);
    node.appendChild(el("p", error.message, { class: "error" }));
    if (error.problems && error.problems.length) {
      const list = el("ul");
      for (const p of error.problems) list.appendChild(el("li", p.text, { class: p.severity }));
      node.appendChild(list);
    }
  }
  const base = "/api/districts/" + encodeURIComponent(districtID);
  let hasRecord = document.querySelector('meta[name="duxue-record"]').content === "true";

  // ---- plan ----
  const state = { job: null, rows: [], inspectors: {}, vacancies: {}, audit: null, undo: [], edits: {}, original: {} };

  async function plan(pins) {
    $("plan-start").disabled = true;
    $("plan-keep").disabled = true;
    clear($("plan-error"));
    try {
      const policy = $("plan-policy").value || null;
      const job = await call("POST", base + "/plan", JSON.stringify({ pins: pins, policy: policy, settings: overrides() }), "application/json");
      state.job = job.id;
      await poll(job.id);
    } catch (error) {
      showError($("plan-error"), error);
    } finally {
      $("plan-start").disabled = false;
      $("plan-keep").disabled = !state.job;
      $("record-start").disabled = !state.job;
    }
  }

  function showProgress(job) {
    const level = job.level ? " · " + T.level + " " + job.level : "";
    $("plan-progress").textContent = T[job.status] + level + " · " + job.elapsed.toFixed(1) + " " + T.seconds;
  }

  // Progress as server-sent events while the job runs; the polling below then finds it finished (and
  // takes over if the event stream fails).
  function watch(id) {
    return new Promise((resolve) => {
      if (!window.EventSource) { resolve(); return; }
      const source = new EventSource(api("/api/jobs/" + id + "/events"));
      source.addEventListener("progress", (event) => {
        const job = JSON.parse(event.data);
        showProgress(job);
        if (["done", "failed", "cancelled"].includes(job.status)) { source.close(); resolve(); }
      });
      source.onerror = () => { source.close(); resolve(); };
    });
  }

  async function poll(id) {
    await watch(id);
    for (;;) {
      const job = await call("GET", "/api/jobs/" + id);
      showProgress(job);
      if (job.status === "done") {
        $("plan-progress").textContent = T.done + " · " + job.report.seconds.toFixed(1) + " " + T.seconds;
        showReport(job.report);
        await loadRoster();
        return;
      }
      if (job.status === "failed") { const e = new Error(job.error ? job.error.message : T.failed); e.problems = job.error ? job.error.problems : []; throw e; }
      if (job.status === "cancelled") return;
      await new Promise((resolve) => setTimeout(resolve, 400));
    }
  }

  function card(label, value) {
    const node = el("div", null, { class: "card" });
    node.appendChild(el("b", value));
    node.appendChild(el("span", label));
    return node;
  }

  function table(headers, rows) {
    const t = el("table");
    const head = el("tr");
    for (const h of headers) head.appendChild(el("th", h));
    t.appendChild(el("thead")).appendChild(head);
    const body = el("tbody");
    for (const r of rows) { const tr = el("tr"); for (const c of r) tr.appendChild(el("td", c)); body.appendChild(tr); }
    t.appendChild(body);
    return t;
  }

  function showReport(report) {
    const f = report.figures;
    const box = clear($("summary"));
    const cards = el("div", null, { class: "cards" });
    cards.appendChild(card(T.headcount, f.required_headcount));
    cards.appendChild(card(T.appointees, f.appointees));
    cards.appendChild(card(T.fullTimeShare, (100 * f.full_time_share).toFixed(1) + "%"));
    cards.appendChild(card(T.large, f.large_schools));
    cards.appendChild(card(T.recruits, f.recruits));
    box.appendChild(cards);
    const shortfall = report.shortfall.map((s) => [s.zone, s.employment === "full_time" || s.employment === "fullTime" ? (lang === "zh" ? "专职" : "full-time") : (lang === "zh" ? "兼职" : "part-time"), s.count, s.vacancies.map((v) => v.schools.length).reduce((a, b) => a + b, 0)]);
    box.appendChild(el("h3", lang === "zh" ? "按责任区的缺口" : "Shortfall by zone"));
    box.appendChild(shortfall.length ? table([T.zone, T.employment, T.count, T.schools], shortfall) : el("p", T.none));
    box.appendChild(el("h3", T.rules));
    const statusText = { ok: T.ruleOK, violated: T.ruleViolated, warning: T.ruleWarning, not_applied: T.ruleNotApplied };
    box.appendChild(table([T.rule, T.title, T.status, T.figure, T.source],
      report.rules.map((r) => [r.id, r.title, statusText[r.status] || r.status, r.summary, r.source])));
    const ex = clear($("excluded"));
    ex.appendChild(el("h3", lang === "zh" ? "未聘督学及原因" : "Excluded inspectors and why"));
    ex.appendChild(report.excluded.length ? table([T.inspector, T.name, T.reasons], report.excluded.map((e) => [e.inspector_id, e.name, e.reasons.join("；")])) : el("p", T.none));
  }

  async function loadRoster() {
    const data = await call("GET", "/api/jobs/" + state.job + "/roster");
    state.rows = data.rows;
    state.inspectors = {};
    state.order = {};
    data.inspectors.forEach((p, index) => { state.inspectors[p.id] = p; state.order[p.id] = index; });
    state.vacancies = {};
    for (const v of data.vacancies) state.vacancies[v.id] = v;
    state.original = {};
    for (const r of data.rows) state.original[r.school] = r.assignee;
    state.undo = [];
    state.edits = {};
    state.audit = data.audit;
    const zones = clear($("filter-zone"));
    zones.appendChild(el("option", lang === "zh" ? "全部" : "All", { value: "" }));
    for (const z of [...new Set(data.rows.map((r) => r.zone))].sort()) zones.appendChild(el("option", z, { value: z }));
    if ($("submit-filing")) $("submit-filing").disabled = false;
    for (const [id, path] of [["dl-roster-csv", "roster.csv"], ["dl-roster-xlsx", "roster.xlsx"], ["dl-filing-xlsx", "filing.xlsx"], ["dl-filing-html", "filing.html"]]) {
      $(id).setAttribute("href", api("/api/jobs/" + state.job + "/" + path));
      $(id).classList.remove("disabled");
    }
    renderRoster();
    drawMap();
  }

  function schoolsWithFindings() {
    const set = new Set();
    if (state.audit) for (const f of state.audit.findings) for (const s of f.schools) set.add(s);
    return set;
  }

  function renderRoster() {
    const zone = $("filter-zone").value;
    const who = $("filter-inspector").value.trim().toLowerCase();
    const onlyFindings = $("filter-finding").checked;
    const flagged = schoolsWithFindings();
    const head = clear(document.querySelector("#roster-table thead"));
    const tr = el("tr");
    for (const h of [T.school, lang === "zh" ? "学校名称" : "Name", T.stage, T.zone, T.enrollment, T.inspector, T.name, T.employment, ""]) tr.appendChild(el("th", h));
    head.appendChild(tr);
    const body = clear(document.querySelector("#roster-table tbody"));
    for (const r of state.rows) {
      if (zone && r.zone !== zone) continue;
      if (who && !(r.assignee.toLowerCase().includes(who) || r.assignee_name.toLowerCase().includes(who))) continue;
      if (onlyFindings && !flagged.has(r.school)) continue;
      const row = el("tr", null, { "data-school": r.school });
      if (flagged.has(r.school)) row.classList.add("has-finding");
      if (state.edits[r.school]) row.classList.add("edited");
      for (const c of [r.school, r.school_name + (r.large ? " ●" : ""), r.stage, r.zone, r.enrollment, r.assignee, r.assignee_name, r.employment]) row.appendChild(el("td", c));
      row.children[4].className = "num";
      const cell = el("td");
      const button = el("button", T.reassign, { type: "button", class: "reassign" });
      button.addEventListener("click", () => openReassign(r.school));
      cell.appendChild(button);
      row.appendChild(cell);
      body.appendChild(row);
    }
    const list = clear($("findings"));
    if (state.audit) {
      if (!state.audit.findings.length) list.appendChild(el("li", T.ok));
      for (const f of state.audit.findings) list.appendChild(el("li", f.rule + " " + f.message, { class: f.severity }));
    }
    $("undo").disabled = state.undo.length === 0;
  }

  async function openReassign(school) {
    const box = $("reassign");
    clear(box);
    box.hidden = false;
    const row = state.rows.find((r) => r.school === school);
    box.appendChild(el("p", T.choose + " — " + school + " " + row.school_name));
    try {
      const data = await call("GET", "/api/jobs/" + state.job + "/options?school=" + encodeURIComponent(school));
      const list = el("ol", null, { id: "options" });
      for (const o of data.options.slice(0, 12)) {
        const bits = [o.inspector_id + " " + o.name, o.zone, T.holds + " " + o.holds + "/" + o.capacity,
          o.stage_matches ? T.stageOK : T.stageNo];
        if (o.crosses_zone) bits.push(T.cross);
        if (o.kilometres !== null && o.kilometres !== undefined) bits.push(o.kilometres.toFixed(1) + " " + T.km);
        if (o.breaks.length) bits.push(T.breaks + " " + o.breaks.join(","));
        const item = el("li", bits.join(" · "), { "data-inspector": o.inspector_id });
        if (o.breaks.length) item.classList.add("breaks");
        item.addEventListener("click", () => reassign(school, o.inspector_id));
        list.appendChild(item);
      }
      box.appendChild(list);
    } catch (error) {
      showError(box, error);
    }
    const close = el("button", T.close, { type: "button" });
    close.addEventListener("click", () => { box.hidden = true; });
    box.appendChild(close);
  }

  function snapshot() { return state.rows.map((r) => ({ school: r.school, assignee: r.assignee, assignee_name: r.assignee_name, employment: r.employment })); }

  function apply(row, assignee) {
    const p = state.inspectors[assignee] || state.vacancies[assignee];
    row.assignee = assignee;
    row.assignee_name = p ? p.name : "";
    row.employment = p ? p.employment : "";
  }

  async function reassign(school, inspector) {
    state.undo.push({ rows: snapshot(), edits: Object.assign({}, state.edits) });
    const row = state.rows.find((r) => r.school === school);
    apply(row, inspector);
    if (state.original[school] === inspector) delete state.edits[school]; else state.edits[school] = inspector;
    $("reassign").hidden = true;
    await audit();
  }

  async function undo() {
    const last = state.undo.pop();
    if (!last) return;
    for (const saved of last.rows) {
      const row = state.rows.find((r) => r.school === saved.school);
      row.assignee = saved.assignee; row.assignee_name = saved.assignee_name; row.employment = saved.employment;
    }
    state.edits = last.edits;
    await audit();
  }

  async function audit() {
    const started = performance.now();
    try {
      const body = JSON.stringify({ assignments: state.rows.map((r) => ({ school: r.school, assignee: r.assignee })) });
      state.audit = await call("PUT", "/api/jobs/" + state.job + "/roster", body, "application/json");
      const ms = Math.round(performance.now() - started);
      const a = state.audit;
      $("audit-status").textContent = T.audit + " " + ms + " " + T.ms + " · " + a.errors + " " + T.errors + " · " + a.warnings + " " + T.warnings + " · " + Object.keys(state.edits).length + " " + T.edits;
    } catch (error) {
      $("audit-status").textContent = error.message;
    }
    renderRoster();
    drawMap();
  }

  // ---- map ----
  // Neighbouring inspectors get far-apart hues (the golden angle), each the same on every redraw.
  function colour(id) {
    const index = state.order[id] || 0;
    const hue = Math.round((index * 137.508) % 360);
    return "hsl(" + hue + ",70%," + (index % 2 ? 38 : 52) + "%)";
  }
  function drawMap() {
    const box = clear($("map-box"));
    const located = state.rows.filter((r) => r.latitude !== null && r.latitude !== undefined);
    if (!located.length) { box.appendChild(el("p", T.none)); return; }
    const lats = located.map((r) => r.latitude), lons = located.map((r) => r.longitude);
    const minLat = Math.min(...lats), maxLat = Math.max(...lats), minLon = Math.min(...lons), maxLon = Math.max(...lons);
    const W = 800, H = 560, pad = 20;
    const sx = (lon) => pad + (W - 2 * pad) * (lon - minLon) / Math.max(1e-9, maxLon - minLon);
    const sy = (lat) => H - pad - (H - 2 * pad) * (lat - minLat) / Math.max(1e-9, maxLat - minLat);
    const NS = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(NS, "svg");
    svg.setAttribute("width", W); svg.setAttribute("height", H); svg.setAttribute("viewBox", "0 0 " + W + " " + H);
    svg.setAttribute("role", "img");
    for (const r of located) {
      const dot = document.createElementNS(NS, "circle");
      dot.setAttribute("cx", sx(r.longitude).toFixed(1)); dot.setAttribute("cy", sy(r.latitude).toFixed(1));
      dot.setAttribute("r", r.large ? 7 : 4);
      dot.setAttribute("fill", r.vacancy ? "#fff" : colour(r.assignee));
      dot.setAttribute("stroke", r.vacancy ? "#d00" : "#333");
      dot.setAttribute("stroke-width", r.vacancy ? 2.5 : 0.5);
      const title = document.createElementNS(NS, "title");
      title.textContent = r.school_name + " — " + r.assignee + " " + r.assignee_name;
      dot.appendChild(title);
      svg.appendChild(dot);
    }
    box.appendChild(svg);
  }

  // ---- compare ----
  async function compare() {
    const status = $("compare-status"), out = clear($("compare-result"));
    status.textContent = T.working;
    const sweeps = $("sweeps").value.split("\n").map((s) => s.trim()).filter((s) => s);
    try {
      const data = await call("POST", base + "/compare", JSON.stringify({ sweeps, scenarios }), "application/json");
      status.textContent = "";
      const rows = data.scenarios.map((s) => [s.name, s.status, s.figures.appointees, (100 * s.figures.full_time_share).toFixed(1) + "%", s.figures.recruits_full_time, s.figures.recruits_part_time, s.figures.crossings, s.changed_schools]);
      out.appendChild(table([T.scenario, T.status, T.appointees, T.fullTimeShare, T.recruitsFT, T.recruitsPT, T.crossings, T.changed], rows));
      const max = Math.max(1, ...data.scenarios.map((s) => s.figures.recruits));
      const NS = "http://www.w3.org/2000/svg";
      const svg = document.createElementNS(NS, "svg");
      svg.setAttribute("width", 560); svg.setAttribute("height", 24 * data.scenarios.length + 30);
      const caption = document.createElementNS(NS, "text");
      caption.setAttribute("x", 0); caption.setAttribute("y", 14);
      caption.textContent = T.recruits;
      svg.appendChild(caption);
      data.scenarios.forEach((s, i) => {
        const y = 22 + 24 * i, width = 250 * s.figures.recruits / max;
        const label = document.createElementNS(NS, "text");
        label.setAttribute("x", 0); label.setAttribute("y", y + 14);
        label.textContent = s.name.slice(0, 16);
        const bar = document.createElementNS(NS, "rect");
        bar.setAttribute("x", 220); bar.setAttribute("y", y); bar.setAttribute("height", 18);
        bar.setAttribute("width", width.toFixed(1)); bar.setAttribute("class", "bar");
        const count = document.createElementNS(NS, "text");
        count.setAttribute("x", (226 + width).toFixed(1)); count.setAttribute("y", y + 14);
        count.textContent = String(s.figures.recruits);
        svg.appendChild(label); svg.appendChild(bar); svg.appendChild(count);
      });
      out.appendChild(svg);
    } catch (error) {
      status.textContent = "";
      showError(out, error);
    }
  }

  // ---- check and renew ----
  function typeOf(file) {
    return file.name.toLowerCase().endsWith(".xlsx") ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv";
  }
  async function upload(kind) {
    const input = $(kind + "-file");
    const file = input.files[0];
    if (!file) return;
    const out = clear($("check-result"));
    out.appendChild(el("p", T.working));
    let path = base + "/" + kind + "?name=" + encodeURIComponent(file.name);
    if (kind === "renew") path += "&as_of=" + encodeURIComponent($("renew-date").value);
    try {
      const data = await call("POST", path, file, typeOf(file));
      clear(out);
      const r = data.report;
      if (kind === "check") {
        out.appendChild(el("p", (r.compliant ? T.compliant : T.notCompliant) + " · " + r.errors + " " + T.errors + " · " + r.warnings + " " + T.warnings, { class: r.compliant ? "" : "error" }));
        const list = el("ul");
        for (const rule of r.rules) for (const f of rule.findings || []) list.appendChild(el("li", rule.id + " " + (f.message || f), { class: rule.severity }));
        out.appendChild(list);
      } else {
        showRenewal(data, out);
      }
      for (const w of data.warnings) out.appendChild(el("p", w.text, { class: "warning" }));
    } catch (error) {
      showError(out, error);
    }
    input.value = "";
  }

  function showRenewal(data, out) {
    const r = data.report;
    out.appendChild(el("p", T.kept + " " + r.kept + " · " + T.moved + " " + r.moved.length, { id: "renew-summary" }));
    if (r.moved.length) {
      out.appendChild(table([T.school, T.name, T.from, T.to, T.reasons],
        r.moved.map((m) => [m.school_id, m.school_name, m.from + " " + m.from_name, m.to + " " + m.to_name, m.reasons.join("；")])));
    }
    if (r.leaving.length) {
      out.appendChild(el("h3", T.leaving));
      out.appendChild(table([T.inspector, T.name, T.reasons], r.leaving.map((p) => [p.inspector_id, p.name, p.reasons.join("；")])));
    }
    out.appendChild(el("p")).appendChild(el("a", T.changesCSV, { id: "dl-changes", href: api("/api/renewals/" + encodeURIComponent(data.changes) + "/changes.csv") }));
  }

  async function renewFromRecord() {
    const out = clear($("check-result"));
    out.appendChild(el("p", T.working));
    try {
      const data = await call("POST", base + "/renew?as_of=" + encodeURIComponent($("renew-date").value));
      clear(out);
      showRenewal(data, out);
      for (const w of data.warnings) out.appendChild(el("p", w.text, { class: "warning" }));
    } catch (error) {
      showError(out, error);
    }
  }

  // ---- policy overrides: the keys a scenario may set, checked by the server as scenario keys ----
  async function loadKeys() {
    const body = document.querySelector("#override-table tbody");
    const kept = {};
    for (const input of body.querySelectorAll("[data-key]")) if (input.value) kept[input.dataset.key] = input.value;
    const policy = $("plan-policy").value;
    try {
      const data = await call("GET", base + "/policy" + (policy ? "?policy=" + encodeURIComponent(policy) : ""));
      clear(body);
      for (const k of data.keys) {
        if (!k.in_scenarios) continue;
        const tr = el("tr", null, { title: k.hint });
        for (const c of [k.name, k.chinese_name, k.type, k.value === null || k.value === undefined ? "" : k.value]) tr.appendChild(el("td", c));
        let input;
        if (k.choices) {
          input = el("select");
          input.appendChild(el("option", "", { value: "" }));
          for (const c of k.choices) input.appendChild(el("option", c, { value: c }));
        } else {
          input = el("input", null, { type: "text", size: "10" });
        }
        input.dataset.key = k.name;
        if (kept[k.name]) input.value = kept[k.name];
        tr.appendChild(el("td")).appendChild(input);
        body.appendChild(tr);
      }
    } catch (error) {
      clear(body);
      const tr = el("tr");
      tr.appendChild(el("td", error.message, { colspan: "5", class: "error" }));
      body.appendChild(tr);
    }
  }
  function overrides() {
    const settings = [];
    for (const input of document.querySelectorAll("#override-table [data-key]")) {
      const value = input.value.trim();
      if (value) settings.push(input.dataset.key + "=" + value);
    }
    return settings;
  }

  // ---- record and history ----
  async function recordRoster() {
    const out = clear($("record-result"));
    out.appendChild(el("p", T.working));
    try {
      const data = await call("POST", "/api/jobs/" + state.job + "/record", JSON.stringify({
        status: $("record-status").value, doc_no: $("record-doc").value.trim() || null, replace: $("record-replace").checked }), "application/json");
      clear(out);
      out.appendChild(el("p", T.recorded + " · " + T.term + " " + data.term_start + " · " + T.version + " " + data.version + " · " + data.status +
        (data.doc_no ? " · " + data.doc_no : "") + " · " + data.lines + " " + T.lines, { id: "record-done" }));
      for (const f of data.findings) out.appendChild(el("p", f, { class: "warning" }));
      hasRecord = true;
      await loadHistory();
    } catch (error) {
      showError(out, error);
    }
  }

  async function loadHistory() {
    const out = clear($("history-result"));
    try {
      const r = (await call("GET", base + "/history")).report;
      const none = $("history-none");
      if (none) none.remove();
      out.appendChild(el("h3", T.rosters));
      out.appendChild(table([T.term, T.effective, T.version, T.status, T.docNo, T.file, T.lines],
        r.rosters.map((x) => [x.term_start, x.effective_on, x.version + (x.replaced ? " (" + T.replaced + ")" : ""),
          ({ draft: T.draft, filed: T.filed, approved: T.approved })[x.status] || x.status, x.doc_no || "", x.source_file, x.lines])));
      out.appendChild(el("h3", T.byInspector));
      const employment = (e) => e === "full_time" ? T.fullTime : T.partTime;
      const people = table([T.inspector, T.name, T.consecutive, T.termsCol],
        r.inspectors.map((p) => [p.id, p.name, p.consecutive_part_time_terms,
          p.terms.map((t) => t.term_start + " " + employment(t.employment) + "：" + t.schools.join("、")).join("；")]));
      people.id = "history-inspectors";
      out.appendChild(people);
      out.appendChild(el("h3", T.bySchool));
      const schools = table([T.school, T.name, T.pairTerms, T.holders],
        r.schools.map((s) => [s.id, s.name, s.pair_terms === null || s.pair_terms === undefined ? "" : s.pair_terms,
          s.terms.map((t) => t.term_start + " " + t.holder).join("；")]));
      schools.id = "history-schools";
      out.appendChild(schools);
    } catch (error) {
      showError(out, error);
    }
  }

  // ---- scenarios from the form, written as scenario-file TOML (strings quoted as JSON, which TOML reads) ----
  const scenarios = [];
  function ids(text) { return text.split(/[\s,，、;；]+/).map((s) => s.trim()).filter((s) => s); }
  function tomlValue(text) {
    if (/^-?\d+(\.\d+)?$/.test(text) || /^\d{4}-\d{2}-\d{2}$/.test(text) || text === "true" || text === "false") return text;
    return JSON.stringify(text);
  }
  function scenarioText() {
    const name = $("sc-name").value.trim() || (T.scenario + " " + (scenarios.length + 1));
    const lines = ["name = " + JSON.stringify(name)];
    for (const line of $("sc-settings").value.split("\n").map((s) => s.trim()).filter((s) => s)) {
      const at = line.indexOf("=");
      lines.push(at < 0 ? line : line.slice(0, at).trim() + " = " + tomlValue(line.slice(at + 1).trim()));
    }
    const removeSchools = ids($("sc-remove-schools").value);
    const addSchools = $("sc-add-schools").value.split("\n").map((s) => s.trim()).filter((s) => s);
    if (removeSchools.length || addSchools.length) {
      lines.push("", "[schools]");
      if (removeSchools.length) lines.push("remove = [" + removeSchools.map((s) => JSON.stringify(s)).join(", ") + "]");
      for (const row of addSchools) {
        const [id, schoolName, enrollment, zone, stage] = row.split(/[,，]/).map((s) => s.trim());
        lines.push("[[schools.add]]", "id = " + JSON.stringify(id || ""), "name = " + JSON.stringify(schoolName || ""),
          "enrollment = " + tomlValue(enrollment || ""), "zone = " + JSON.stringify(zone || ""));
        if (stage) lines.push("stage = " + JSON.stringify(stage));
      }
    }
    const removeInspectors = ids($("sc-remove-inspectors").value), unavailable = ids($("sc-unavailable").value);
    const addInspectors = $("sc-add-inspectors").value.split("\n").map((s) => s.trim()).filter((s) => s);
    if (removeInspectors.length || unavailable.length || addInspectors.length) {
      lines.push("", "[inspectors]");
      if (removeInspectors.length) lines.push("remove = [" + removeInspectors.map((s) => JSON.stringify(s)).join(", ") + "]");
      if (unavailable.length) lines.push("unavailable = [" + unavailable.map((s) => JSON.stringify(s)).join(", ") + "]");
      for (const row of addInspectors) {
        const [id, personName, employment, zone] = row.split(/[,，]/).map((s) => s.trim());
        lines.push("[[inspectors.add]]", "id = " + JSON.stringify(id || ""), "name = " + JSON.stringify(personName || ""),
          "employment = " + JSON.stringify(employment || ""), "zone = " + JSON.stringify(zone || ""));
      }
    }
    return { name, text: lines.join("\n") + "\n" };
  }
  function addScenario() {
    scenarios.push(scenarioText());
    renderScenarios();
  }
  function renderScenarios() {
    const list = clear($("scenario-list"));
    scenarios.forEach((scenario, index) => {
      const item = el("li", null, { class: "scenario" });
      item.appendChild(el("b", scenario.name + ".toml"));
      const remove = el("button", T.removeScenario, { type: "button" });
      remove.addEventListener("click", () => { scenarios.splice(index, 1); renderScenarios(); });
      item.appendChild(remove);
      item.appendChild(el("br"));
      const area = el("textarea", null, { rows: String(Math.min(12, scenario.text.split("\n").length)), cols: "70" });
      area.value = scenario.text;
      area.addEventListener("input", () => { scenario.text = area.value; });
      item.appendChild(area);
      list.appendChild(item);
    });
  }

  // ---- a district uploaded for the session ----
  async function uploadDistrict() {
    const out = clear($("upload-result"));
    const schools = $("upload-schools").files[0], inspectors = $("upload-inspectors").files[0];
    if (!schools || !inspectors) { out.appendChild(el("p", T.chooseBoth, { class: "error" })); return; }
    out.appendChild(el("p", T.working));
    try {
      const made = await call("POST", "/api/uploads");
      let detail = null;
      for (const [role, file] of [["schools", schools], ["inspectors", inspectors]]) {
        detail = await call("PUT", "/api/districts/" + encodeURIComponent(made.id) + "/files/" + role + "?name=" + encodeURIComponent(file.name), file, typeOf(file));
      }
      clear(out);
      out.appendChild(el("p", T.uploaded + " · " + detail.id + " · " + T.schools + " " + detail.schools.length + " · " + T.problemCount + " " + detail.problems.length,
        { class: detail.valid ? "" : "error" }));
      if (detail.problems.length) {
        const list = el("ul", null, { id: "upload-problems" });
        for (const p of detail.problems) list.appendChild(el("li", p.text, { class: p.severity }));
        out.appendChild(list);
      }
      out.appendChild(el("p")).appendChild(el("a", T.open, { id: "upload-open", href: prefix + "/districts/" + encodeURIComponent(detail.id) + "?lang=" + lang }));
    } catch (error) {
      showError(out, error);
    }
  }

  $("plan-start").addEventListener("click", () => plan([]));
  $("plan-keep").addEventListener("click", () => plan(Object.keys(state.edits).filter((s) => state.inspectors[state.edits[s]]).map((s) => ({ school: s, inspector: state.edits[s] }))));
  $("undo").addEventListener("click", undo);
  for (const id of ["filter-zone", "filter-inspector", "filter-finding"]) $(id).addEventListener("input", renderRoster);
  $("compare-run").addEventListener("click", compare);
  $("check-file").addEventListener("change", () => upload("check"));
  $("renew-file").addEventListener("change", () => upload("renew"));
  if ($("renew-record")) $("renew-record").addEventListener("click", renewFromRecord);
  $("record-start").addEventListener("click", recordRoster);
  $("plan-policy").addEventListener("change", loadKeys);
  $("sc-add").addEventListener("click", addScenario);
  $("upload-start").addEventListener("click", uploadDistrict);
  // Under the city server: submit the working roster's filing to the city, and log out.
  if ($("submit-filing")) $("submit-filing").addEventListener("click", async () => {
    const out = $("submit-result");
    clear(out);
    try {
      const filing = await call("POST", "/filings/from-job/" + encodeURIComponent(state.job));
      out.textContent = "v" + filing.version + " · " + (lang === "zh" ? "已报送，待市里审核" : "submitted, waiting for the city") + " · SHA-256 " + filing.sha256.slice(0, 12);
    } catch (error) {
      out.textContent = error.message;
    }
  });
  if ($("city-logout")) $("city-logout").addEventListener("click", async () => {
    await fetch("/logout", { method: "POST", headers: { "X-Duxue-CSRF": csrf }, credentials: "same-origin" }).catch(() => null);
    window.location.href = "/login";
  });
  loadKeys();
  if (hasRecord) loadHistory();
})();
"""#
}
