/// The comparison page's Mustache templates: `{{x}}` escapes every value (names of districts and
/// scenarios, labels, figures); the templates never use the unescaped `{{{x}}}` or `{{&x}}`.
enum CompareTemplate {
    /// The page, its two bar charts through the `barChart` partial.
    static let page = HTMLTemplate(HTMLTemplate.pageOpening + "\n" + #"""
table{border-collapse:collapse;font-size:14px}th,td{border:1px solid #ccc;padding:4px 8px}
td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#f3f3f3}
td.label{white-space:pre}tr.baseline td{background:#fafafa}figure{margin:2em 0}
figcaption{font-weight:bold;margin-bottom:.5em}svg text{font-size:12px}
</style></head><body>
<h1>{{title}}</h1>
<p>{{summary}}</p>
<h2>{{legend}}</h2><ol start="0">
{{#names}}
<li>{{.}}</li>
{{/names}}
</ol>
<table><thead><tr><th></th>{{#columns}}<th title="{{name}}">#{{index}}</th>{{/columns}}</tr></thead><tbody>
{{#rows}}
<tr><td class="label">{{label}}</td>{{#cells}}<td class="n">{{.}}</td>{{/cells}}</tr>
{{/rows}}
</tbody></table>
{{#barCharts}}
{{>barChart}}
{{/barCharts}}
{{#loadChart}}
<figure><figcaption>{{title}}</figcaption>
<svg xmlns="http://www.w3.org/2000/svg" width="{{width}}" height="{{height}}" viewBox="0 0 {{width}} {{height}}">
{{#rows}}
<text x="44.0" y="{{labelY}}" text-anchor="end">#{{index}}</text>
{{#segments}}
<rect x="{{x}}" y="{{y}}" width="{{width}}" height="16.0" fill="{{color}}"><title>#{{index}} {{label}}: {{count}}</title></rect>
{{/segments}}
<text x="556.0" y="{{labelY}}">{{total}}</text>
{{/rows}}
{{#legend}}
<rect x="{{x}}" y="{{y}}" width="10" height="10" fill="{{color}}"/><text x="{{textX}}" y="{{textY}}">{{label}}</text>
{{/legend}}
</svg></figure>
{{/loadChart}}
</body></html>

"""#, partials: ["barChart": #"""
<figure><figcaption>{{title}}</figcaption>
<svg xmlns="http://www.w3.org/2000/svg" width="{{width}}" height="280" viewBox="0 0 {{width}} 280">
{{#ticks}}
<line x1="50.0" y1="{{y}}" x2="{{right}}" y2="{{y}}" stroke="#e0e0e0"/><text x="44.0" y="{{labelY}}" text-anchor="end">{{value}}</text>
{{/ticks}}
{{#groups}}
{{#rects}}
<rect x="{{x}}" y="{{y}}" width="22.0" height="{{height}}" fill="{{color}}"><title>#{{index}} {{label}}: {{value}}</title></rect>
{{/rects}}
{{#labels}}
<text x="{{x}}" y="{{y}}" text-anchor="middle" font-size="9">{{text}}</text>
{{/labels}}
<text x="{{x}}" y="246.0" text-anchor="middle">#{{index}}</text>
{{/groups}}
<line x1="50.0" y1="230.0" x2="{{right}}" y2="230.0" stroke="#444"/>
{{#legend}}
<rect x="{{x}}" y="262" width="10" height="10" fill="{{color}}"/><text x="{{textX}}" y="271">{{label}}</text>
{{/legend}}
</svg></figure>

"""#])
}
