/// The review page's Mustache templates: `{{x}}` escapes every value (file, district, school and
/// inspector names from the filings, findings); the templates never use the unescaped `{{{x}}}` or `{{&x}}`.
enum ReviewTemplate {
    /// The page; its tables of findings through the `findings` partial, its charts through `chart`.
    static let page = HTMLTemplate(HTMLTemplate.pageOpening + "\n" + #"""
table{border-collapse:collapse;font-size:13px;margin-bottom:1em}th,td{border:1px solid #bbb;padding:3px 6px;vertical-align:top}
th{background:#eee;white-space:nowrap}td.n{text-align:right;font-variant-numeric:tabular-nums}
tr.err td{background:#ffd7d7;color:#9c0006}tr.warn td{background:#fff2cc}tr.read td{background:#e0e0e0}
div.verdict{border:2px solid #2e7d32;background:#e2f0d9;padding:.5em 1em;font-size:1.2em;font-weight:bold;display:inline-block}
div.verdict.bad{border-color:#c00000;background:#ffd7d7;color:#9c0006}
div.charts{display:flex;flex-wrap:wrap;gap:1.5em}figure{margin:0}figcaption{font-weight:bold;margin-bottom:.3em}
svg text{font-size:11px}p.meta{color:#444}
</style></head><body>
<h1>{{title}}</h1>
<p class="meta">{{meta}}</p>
<div class="verdict{{#bad}} bad{{/bad}}">{{verdict}}</div>
<h2>{{summaryTitle}}</h2>
{{#summary}}
<table><thead><tr>{{#header}}<th>{{.}}</th>{{/header}}</tr></thead><tbody>
{{#rows}}
<tr{{#read}} class="read"{{/read}}{{#bad}} class="err"{{/bad}}>{{#cells}}{{#number}}<td class="n">{{text}}</td>{{/number}}{{^number}}<td>{{text}}</td>{{/number}}{{/cells}}</tr>
{{/rows}}
</tbody></table>
{{/summary}}
{{#city}}
<h2>{{title}}</h2>
{{#findings}}
{{>findings}}
{{/findings}}
{{/city}}
{{#byRule}}
<h2>{{title}}</h2><div class="charts">
{{#charts}}
{{>chart}}
{{/charts}}
</div>
{{/byRule}}
{{#districts}}
<h2>{{name}}</h2><p>{{counts}}</p>
{{#findings}}
{{>findings}}
{{/findings}}
{{/districts}}
</body></html>

"""#, partials: ["findings": #"""
<table><thead><tr>{{#header}}<th>{{.}}</th>{{/header}}</tr></thead><tbody>
{{#rows}}
<tr class="{{style}}">{{#cells}}<td>{{.}}</td>{{/cells}}</tr>
{{/rows}}
</tbody></table>

"""#, "chart": #"""
<figure><figcaption>{{caption}}</figcaption>
<svg xmlns="http://www.w3.org/2000/svg" width="{{width}}" height="{{height}}" viewBox="0 0 {{width}} {{height}}">
{{#bars}}
<text x="{{labelX}}" y="{{textY}}" text-anchor="end">{{label}}</text>
{{#segments}}
<rect x="{{x}}" y="{{y}}" width="{{width}}" height="13.0" fill="{{color}}"><title>{{label}}: {{value}}</title></rect>
{{/segments}}
<text x="{{totalX}}" y="{{textY}}">{{total}}</text>
{{/bars}}
<rect x="{{errorsX}}" y="{{legendY}}" width="10" height="10" fill="#c00000"/><text x="{{errorsTextX}}" y="{{legendTextY}}">{{errors}}</text>
<rect x="{{warningsX}}" y="{{legendY}}" width="10" height="10" fill="#f0b400"/><text x="{{warningsTextX}}" y="{{legendTextY}}">{{warnings}}</text>
</svg></figure>

"""#])
}
