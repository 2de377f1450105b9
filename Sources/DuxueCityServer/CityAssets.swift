/// The city pages' templates, script and style sheet, compiled into the binary (no CDN, no web fonts).
/// Templates use only `{{x}}`, which escapes.
enum CityAssets {
    static let head = #"""
<!DOCTYPE html>
<html lang="{{lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="duxue-csrf" content="{{csrf}}">
<title>{{t.title}}</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/city.css">
</head>
<body>
<header><h1>{{t.title}}</h1>
{{#account}}<span class="who">{{account}} · {{role}}</span>
<button type="button" data-action="logout">{{t.logout}}</button> <button type="button" data-action="logout-everywhere">{{t.logoutAll}}</button>{{/account}}
<a id="lang-switch" href="?lang={{other}}">{{otherLabel}}</a></header>
"""#

    static let foot = #"""
<script src="/assets/city.js"></script>
</body>
</html>
"""#

    static let templates: [(String, String)] = [
        ("login", head + #"""
<main class="login">
<h2>{{t.login}}</h2>
{{#failed}}<p class="error" id="login-error">{{t.failed}}</p>{{/failed}}
{{#throttled}}<p class="error" id="login-error">{{t.throttled}}</p>{{/throttled}}
<form method="post" action="/login?lang={{lang}}">
<p><label>{{t.name}} <input name="name" id="login-name" autocomplete="username" required maxlength="64"></label></p>
<p><label>{{t.password}} <input name="password" id="login-password" type="password" autocomplete="current-password" required></label></p>
<p><button type="submit" id="login-submit">{{t.login}}</button></p>
</form>
</main>
"""# + foot),
        ("dashboard", head + #"""
<main>
<h2>{{t.dashboard}} <small>{{t.asOf}} {{asOf}}</small></h2>
<p class="counts">{{#counts}}<span class="badge {{status}}">{{text}} {{count}}</span> {{/counts}}</p>
<table id="dashboard"><thead><tr><th>{{t.district}}</th><th>{{t.status}}</th><th>{{t.version}}</th><th>{{t.submitted}}</th><th>{{t.deadline}}</th>
<th>{{t.verdict}}</th><th>{{t.errors}}</th><th>{{t.warnings}}</th><th>{{t.schools}}</th><th>{{t.required}}</th><th>{{t.appointees}}</th><th>{{t.share}}</th><th>{{t.recruits}}</th><th>{{t.actions}}</th></tr></thead>
<tbody>{{#districts}}<tr class="{{status}}" data-district="{{district}}">
<td><a href="{{href}}">{{name}}</a>{{#named}} <small class="id">{{district}}</small>{{/named}}</td><td><span class="badge {{status}}">{{statusText}}</span>{{#comment}}<div class="comment">{{comment}}</div>{{/comment}}</td>
<td>{{#hasFiling}}<a href="{{fileHref}}">{{version}}</a>{{/hasFiling}}{{^hasFiling}}{{version}}{{/hasFiling}}</td><td>{{submitted}}</td>
<td class="{{#overdue}}overdue{{/overdue}}"><input type="date" value="{{deadline}}" class="deadline"> <button type="button" data-action="deadline">{{t.setDeadline}}</button>{{#overdue}} <span class="overdue">{{t.overdue}}</span>{{/overdue}}</td>
<td class="{{verdict}}">{{verdictText}}</td><td class="num">{{errors}}</td><td class="num">{{warnings}}</td><td class="num">{{schools}}</td><td class="num">{{required}}</td><td class="num">{{appointees}}</td><td class="num">{{share}}</td><td class="num">{{recruits}}</td>
<td>{{#pending}}<button type="button" data-action="accept" data-filing="{{filing}}">{{t.accept}}</button>
<input class="comment-input" placeholder="{{t.comment}}" maxlength="2000"> <button type="button" data-action="return" data-filing="{{filing}}">{{t.return}}</button>{{/pending}}</td>
</tr>{{/districts}}</tbody></table>
<p id="action-result" role="status"></p>
{{#hasCityFindings}}<h3>{{t.cityFindings}}</h3>{{/hasCityFindings}}<ul>{{#cityFindings}}<li>{{message}}</li>{{/cityFindings}}</ul>
<h3>{{t.audit}} · <a href="/api/city/audit.csv">{{t.export}}</a></h3>
<table id="audit"><thead><tr><th>{{t.when}}</th><th>{{t.who}}</th><th>{{t.action}}</th><th>{{t.district}}</th><th>{{t.outcome}}</th><th>{{t.detail}}</th></tr></thead>
<tbody>{{#audit}}<tr><td>{{at}}</td><td>{{account}}</td><td>{{action}}</td><td>{{district}}</td><td>{{outcome}}</td><td>{{detail}}</td></tr>{{/audit}}</tbody></table>
</main>
"""# + foot),
        ("submissions", head + #"""
<main>
<h2>{{name}}{{#named}} <small class="id">{{district}}</small>{{/named}} · {{t.filings}}</h2>
<p><a href="{{workbench}}">{{t.workbench}}</a> · {{t.deadline}} {{deadline}}</p>
{{#canSubmit}}<p><label>{{t.upload}} <input type="file" id="filing-file" accept=".xlsx" data-district="{{district}}"></label> <span id="action-result" role="status"></span></p>{{/canSubmit}}
<table id="filings"><thead><tr><th>{{t.version}}</th><th>{{t.status}}</th><th>{{t.file}}</th><th>{{t.submitted}}</th><th>{{t.decided}}</th><th>{{t.comment}}</th></tr></thead>
<tbody>{{#filings}}<tr class="{{status}}"><td>v{{version}}</td><td><span class="badge {{status}}">{{statusText}}</span></td><td><a href="{{href}}">{{file}}</a> <code>{{sha}}</code></td>
<td>{{submitted}}</td><td>{{decided}}</td><td class="comment">{{comment}}</td></tr>{{/filings}}
{{^filings}}<tr><td colspan="6">{{t.none}}</td></tr>{{/filings}}</tbody></table>
</main>
"""# + foot),
        ("admin", head + #"""
<main>
<h2>{{t.accounts}}</h2>
<table id="accounts"><thead><tr><th>{{t.name}}</th><th>{{t.role}}</th><th>{{t.district}}</th><th>{{t.created}}</th><th></th></tr></thead>
<tbody>{{#accounts}}<tr data-account="{{id}}"><td>{{name}}</td><td>{{role}}</td><td>{{district}}</td><td>{{created}}</td>
<td>{{#disabled}}{{t.disabled}} <button type="button" data-action="enable">{{t.enable}}</button>{{/disabled}}{{^disabled}}<button type="button" data-action="disable">{{t.disable}}</button>{{/disabled}}
<button type="button" data-action="revoke">{{t.revoke}}</button></td></tr>{{/accounts}}</tbody></table>
<h3>{{t.create}}</h3>
<p><input id="new-name" placeholder="{{t.name}}" maxlength="64"> <select id="new-role"><option>district</option><option>reviewer</option><option>admin</option></select>
<select id="new-district"><option value=""></option>{{#districts}}<option value="{{id}}">{{label}}</option>{{/districts}}</select>
<input id="new-password" type="password" placeholder="{{t.password}}"> <button type="button" data-action="create">{{t.create}}</button></p>
<p id="action-result" role="status"></p>
<p><a href="/api/city/audit.csv">{{t.audit}} · {{t.export}}</a></p>
</main>
"""# + foot),
    ]

    static let script = #"""
"use strict";
(function () {
  const meta = document.querySelector('meta[name="duxue-csrf"]');
  const csrf = meta ? meta.content : "";
  const lang = document.documentElement.lang || "zh";
  const out = () => document.getElementById("action-result");
  async function call(method, path, body, type) {
    const headers = { "X-Duxue-CSRF": csrf };
    if (type) headers["Content-Type"] = type;
    const response = await fetch(path + (path.includes("?") ? "&" : "?") + "lang=" + lang, { method, headers, body, credentials: "same-origin" });
    const data = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(data.message || response.statusText);
    return data;
  }
  function say(text) { const node = out(); if (node) node.textContent = text; }
  document.addEventListener("click", async (event) => {
    const button = event.target.closest("button[data-action]");
    if (!button) return;
    const action = button.dataset.action;
    const row = button.closest("tr");
    try {
      if (action === "logout" || action === "logout-everywhere") {
        await call("POST", "/" + action).catch(() => null);
        window.location.href = "/login";
        return;
      }
      if (action === "accept" || action === "return") {
        const district = row.dataset.district;
        const comment = row.querySelector(".comment-input").value;
        await call("POST", "/d/" + encodeURIComponent(district) + "/filings/" + encodeURIComponent(button.dataset.filing) + "/" + action,
          JSON.stringify({ comment }), "application/json");
        window.location.reload();
        return;
      }
      if (action === "deadline") {
        const district = row.dataset.district;
        await call("PUT", "/api/city/deadlines/" + encodeURIComponent(district), JSON.stringify({ due_on: row.querySelector(".deadline").value }), "application/json");
        window.location.reload();
        return;
      }
      if (action === "disable" || action === "enable") {
        await call("PATCH", "/api/accounts/" + row.dataset.account, JSON.stringify({ disabled: action === "disable" }), "application/json");
        window.location.reload();
        return;
      }
      if (action === "revoke") {
        const data = await call("POST", "/api/accounts/" + row.dataset.account + "/logout-everywhere");
        say(String(data.sessions));
        return;
      }
      if (action === "create") {
        const role = document.getElementById("new-role").value;
        const district = document.getElementById("new-district").value;
        await call("POST", "/api/accounts", JSON.stringify({ name: document.getElementById("new-name").value, role,
          district: role === "district" ? district : null, password: document.getElementById("new-password").value }), "application/json");
        window.location.reload();
      }
    } catch (error) {
      say(error.message);
    }
  });
  const file = document.getElementById("filing-file");
  if (file) file.addEventListener("change", async () => {
    const chosen = file.files[0];
    if (!chosen) return;
    try {
      await call("POST", "/d/" + encodeURIComponent(file.dataset.district) + "/filings?name=" + encodeURIComponent(chosen.name), chosen,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      window.location.reload();
    } catch (error) {
      say(error.message);
    }
  });
})();
"""#

    static let style = #"""
body { font-family: "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; margin: 0; color: #222; }
header { background: #1f4e79; color: #fff; padding: 8px 16px; display: flex; gap: 12px; align-items: center; flex-wrap: wrap; }
header h1 { font-size: 18px; margin: 0 auto 0 0; }
header a { color: #fff; }
main { padding: 12px 16px; }
main.login { max-width: 360px; margin: 40px auto; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 13px; }
th, td { border: 1px solid #ccd; padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #eef2f7; }
td.num { text-align: right; }
.error { color: #b00020; }
.badge { display: inline-block; padding: 1px 6px; border-radius: 8px; background: #ddd; white-space: nowrap; }
.badge.submitted { background: #fff1c2; } .badge.returned { background: #ffd6d6; } .badge.accepted { background: #d4f5d4; } .badge.draft { background: #e4e4e4; }
td.not_compliant { color: #b00020; font-weight: bold; } td.compliant { color: #17702a; } td.unreadable { color: #777; }
.overdue { color: #b00020; font-weight: bold; }
.comment { color: #6a3d00; font-size: 12px; }
#city-bar { background: #eef2f7; padding: 4px 16px; }
small.id { color: #667; font-weight: normal; }
#audit td:nth-child(-n+4) { white-space: nowrap; }
"""#
}
