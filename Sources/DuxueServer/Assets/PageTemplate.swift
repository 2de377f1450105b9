extension Assets {
    /// The page's Mustache template: `{{x}}` escapes; the template never uses the unescaped `{{{x}}}`.
    static let pageTemplate = #"""
<!DOCTYPE html>
<html lang="{{lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="duxue-csrf" content="{{csrf}}">
<meta name="duxue-district" content="{{district.id}}">
<meta name="duxue-base" content="{{base}}">
<meta name="duxue-record" content="{{#hasRecord}}true{{/hasRecord}}{{^hasRecord}}false{{/hasRecord}}">
<title>{{t.title}} · {{district.name}}</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/app.css">
</head>
<body>
<header>
  <h1>督学 · {{t.title}}</h1>
  <nav class="districts">{{t.districts}} {{#districts}}<a href="{{href}}" title="{{id}}" {{#current}}class="current"{{/current}}>{{name}}</a> {{/districts}}</nav>
  <a id="lang-switch" href="?lang={{other}}">{{otherLabel}}</a>
</header>
{{#city}}<nav id="city-bar"><strong id="city-district">{{districtName}}</strong> · {{account}} · <a id="city-filings" href="{{filings}}">{{filingsLabel}}</a> <button id="city-logout" type="button">{{logoutLabel}}</button></nav>{{/city}}
<noscript><p class="error">{{t.noJS}}</p></noscript>
<nav class="tabs">
  <a href="#schools">{{t.schools}}</a> <a href="#plan">{{t.plan}}</a> <a href="#roster">{{t.roster}}</a>
  <a href="#map">{{t.map}}</a> <a href="#compare">{{t.compare}}</a> <a href="#check">{{t.check}}</a> <a href="#history">{{t.history}}</a> <a href="#download">{{t.download}}</a>
</nav>
<main>
<section id="schools">
  <h2>{{district.name}} — {{t.schools}} ({{district.schoolCount}}) · {{t.pool}} {{district.inspectorCount}} · {{t.eligible}} {{district.eligible}}</h2>
  {{#hasProblems}}
  <div id="problems"><h3>{{t.problems}}</h3><ul>{{#problems}}<li class="{{#error}}error{{/error}}{{^error}}warning{{/error}}">{{text}}</li>{{/problems}}</ul></div>
  {{/hasProblems}}
  <details id="upload-box"><summary>{{t.uploadDistrict}}</summary>
    <p>{{t.uploadHint}}</p>
    <p><label>{{t.schoolsFile}} <input id="upload-schools" type="file" accept=".csv,.xlsx"></label>
       <label>{{t.inspectorsFile}} <input id="upload-inspectors" type="file" accept=".csv,.xlsx"></label>
       <button id="upload-start" type="button">{{t.uploadStart}}</button></p>
    <div id="upload-result"></div>
  </details>
  <details open><summary>{{t.schools}}</summary>
  <table id="school-table"><thead><tr><th>{{t.id}}</th><th>{{t.name}}</th><th>{{t.stage}}</th><th>{{t.zone}}</th><th>{{t.enrollment}}</th><th>{{t.large}}</th></tr></thead>
  <tbody>{{#schools}}<tr><td>{{id}}</td><td>{{name}}</td><td>{{stage}}</td><td>{{zone}}</td><td class="num">{{enrollment}}</td><td>{{#large}}●{{/large}}</td></tr>{{/schools}}</tbody></table>
  </details>
</section>
<section id="plan">
  <h2>{{t.plan}}</h2>
  <label>{{t.policy}} <select id="plan-policy"><option value="">{{t.ownPolicy}}</option>{{#presets}}<option value="{{.}}">{{.}}</option>{{/presets}}</select></label>
  <details id="overrides"><summary>{{t.overrides}}</summary>
    <p>{{t.overridesHint}}</p>
    <table id="override-table"><thead><tr><th>{{t.key}}</th><th>{{t.keyName}}</th><th>{{t.keyType}}</th><th>{{t.keyValue}}</th><th>{{t.keyOverride}}</th></tr></thead><tbody></tbody></table>
  </details>
  <button id="plan-start" type="button">{{t.start}}</button>
  <button id="plan-keep" type="button" disabled>{{t.replan}}</button>
  <span id="plan-progress" role="status"></span>
  <div id="plan-error" class="error"></div>
  <div id="summary"></div>
  <div id="excluded"></div>
</section>
<section id="roster">
  <h2>{{t.roster}}</h2>
  <div class="filters">
    <label>{{t.filterZone}} <select id="filter-zone"><option value="">{{t.all}}</option></select></label>
    <label>{{t.filterInspector}} <input id="filter-inspector" type="search"></label>
    <label><input id="filter-finding" type="checkbox"> {{t.filterFinding}}</label>
    <button id="undo" type="button" disabled>{{t.undo}}</button>
    <span id="audit-status" role="status"></span>
  </div>
  <div id="reassign" hidden></div>
  <table id="roster-table"><thead></thead><tbody></tbody></table>
  <h3>{{t.findings}}</h3>
  <ul id="findings"></ul>
  <div id="record-box">
    <h3>{{t.recordTitle}}</h3>
    <label>{{t.recordStatus}} <select id="record-status"><option value="draft">{{t.draft}}</option><option value="filed">{{t.filed}}</option><option value="approved">{{t.approved}}</option></select></label>
    <label>{{t.docNo}} <input id="record-doc" type="text" maxlength="100"></label>
    <label><input id="record-replace" type="checkbox"> {{t.replace}}</label>
    <button id="record-start" type="button" disabled>{{t.recordStart}}</button>
    <div id="record-result" role="status"></div>
  </div>
</section>
<section id="map"><h2>{{t.map}}</h2><div id="map-box"></div></section>
<section id="compare">
  <h2>{{t.compare}}</h2>
  <label>{{t.sweeps}}<br><textarea id="sweeps" rows="3" cols="60">min_full_time_share=0.3,0.5</textarea></label><br>
  <details id="scenario-form"><summary>{{t.scenarioForm}}</summary>
    <p><label>{{t.scenarioName}} <input id="sc-name" type="text" maxlength="40"></label></p>
    <p><label>{{t.scSettings}}<br><textarea id="sc-settings" rows="2" cols="50"></textarea></label></p>
    <p><label>{{t.scRemoveSchools}} <input id="sc-remove-schools" type="text" size="40"></label>
       <label>{{t.scRemoveInspectors}} <input id="sc-remove-inspectors" type="text" size="40"></label>
       <label>{{t.scUnavailable}} <input id="sc-unavailable" type="text" size="30"></label></p>
    <p><label>{{t.scAddSchools}}<br><textarea id="sc-add-schools" rows="2" cols="60"></textarea></label></p>
    <p><label>{{t.scAddInspectors}}<br><textarea id="sc-add-inspectors" rows="2" cols="60"></textarea></label></p>
    <button id="sc-add" type="button">{{t.scAdd}}</button>
    <ol id="scenario-list"></ol>
  </details>
  <button id="compare-run" type="button">{{t.run}}</button> <span id="compare-status" role="status"></span>
  <div id="compare-result"></div>
</section>
<section id="check">
  <h2>{{t.check}}</h2>
  <p><label>{{t.checkRoster}} <input id="check-file" type="file" accept=".csv,.xlsx"></label></p>
  <p><label>{{t.renewRoster}} <input id="renew-file" type="file" accept=".csv,.xlsx"></label>
     <label>{{t.asOf}} <input id="renew-date" type="date"></label>
     {{#hasRecord}}<button id="renew-record" type="button">{{t.renewRecord}}</button>{{/hasRecord}}</p>
  <div id="check-result"></div>
</section>
<section id="history">
  <h2>{{t.history}}</h2>
  {{^hasRecord}}<p id="history-none">{{t.noRecord}}</p>{{/hasRecord}}
  <div id="history-result"></div>
</section>
<section id="download">
  <h2>{{t.download}}</h2>
  <p id="downloads">
    <a id="dl-roster-csv" class="disabled" href="#">{{t.rosterCSV}}</a> ·
    <a id="dl-roster-xlsx" class="disabled" href="#">{{t.rosterXLSX}}</a> ·
    <a id="dl-filing-xlsx" class="disabled" href="#">{{t.filingXLSX}}</a> ·
    <a id="dl-filing-html" class="disabled" href="#">{{t.filingHTML}}</a>
  </p>
  {{#city}}{{#submitLabel}}<p><button id="submit-filing" type="button" disabled>{{submitLabel}}</button> <span id="submit-result" role="status"></span></p>{{/submitLabel}}{{/city}}
</section>
</main>
<script src="/assets/app.js"></script>
</body>
</html>
"""#
}
