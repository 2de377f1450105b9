import DuxueReport

/// The filing page's Mustache templates: `{{x}}` escapes every value (the district's, schools' and
/// inspectors' names, the cover's facts); the templates never use the unescaped `{{{x}}}` or `{{&x}}`.
enum FilingTemplate {
    /// The page; label | value tables through the `facts` partial, a table's header and rows through
    /// `body` (whole or in halves), each row through `row`.
    static let page = HTMLTemplate(#"""
<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>{{title}}</title>
<style>
@page { size: A4 landscape; margin: 12mm 10mm 14mm; @bottom-center { content: "第 " counter(page) " 页 / 共 " counter(pages) " 页"; font-size: 8pt; } }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "SimSun", sans-serif; font-size: 10pt; color: #000; margin: 0 auto; max-width: 277mm; }
h1 { font-size: 18pt; margin: 0 0 2mm; text-align: center; }
h2 { font-size: 13pt; margin: 0 0 2mm; break-after: avoid; }
p.notice { margin: 0 0 3mm; text-align: center; color: #333; }
span.tag { font-size: 8pt; font-weight: normal; border: 0.5pt solid #666; padding: 0 1.5mm; margin-left: 2mm; vertical-align: middle; color: #444; }
p.note { margin: 1.5mm 0 0; font-size: 9pt; color: #333; }
div.verdict { border: 1.5pt solid #000; padding: 2mm 3mm; margin: 0 0 4mm; font-size: 14pt; font-weight: bold; text-align: center; }
div.verdict.bad { border-color: #c00000; background: #ffd7d7; color: #9c0006; }
div.verdict.ok { border-color: #2e7d32; background: #e2f0d9; }
section { break-before: page; }
section.cover { break-before: auto; }
div.keep { break-inside: avoid; page-break-inside: avoid; }
table { border-collapse: collapse; width: 100%; table-layout: auto; }
table.facts, div.halves table { table-layout: fixed; }
div.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 6mm; align-items: start; }
div.halves { display: grid; grid-template-columns: 1fr 1fr; gap: 4mm; align-items: start; }
svg { max-width: 100%; height: auto; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
tbody tr:last-child { break-before: avoid; page-break-before: avoid; }
table.whole { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.5pt solid #444; padding: 1mm 1.5mm; vertical-align: top; text-align: left; word-break: break-word; }
th { background: #d9d9d9; font-weight: bold; text-align: center; white-space: nowrap; }
table.facts th { white-space: normal; }
table.facts { margin: 0 0 3mm; }
table.facts th { width: 30mm; text-align: left; }
table.facts td.blank { height: 7mm; }
td.num, td.short, span.nw { white-space: nowrap; }
td.num { text-align: right; }
tbody td { font-size: 9pt; }
tr.err td { background: #ffd7d7; color: #9c0006; font-weight: bold; }
tr.warn td { background: #fff2cc; }
div.seal { margin-top: 8mm; break-inside: avoid; page-break-inside: avoid; }
div.seal table { width: 60%; margin-left: auto; }
div.seal table td, div.seal table th { border: none; background: none; padding: 2mm 1.5mm; }
div.seal table th { text-align: right; width: 40mm; }
div.seal table td { border-bottom: 0.5pt solid #000; height: 10mm; width: 70mm; }
figure { margin: 0; break-inside: avoid; }
figcaption { font-size: 9pt; color: #333; }
@media print { th, tr.err td, tr.warn td, div.verdict { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
</style>
</head>
<body>
<section class="cover">
<h1>{{title}}</h1>
<p class="notice">{{notice}}</p>
<div class="verdict {{#compliant}}ok{{/compliant}}{{^compliant}}bad{{/compliant}}">{{verdict}}</div>
{{#facts}}
{{>facts}}
{{/facts}}
<div class="pair">
{{#filer}}
{{>facts}}
{{/filer}}
{{#chart}}
<figure>
<svg xmlns="http://www.w3.org/2000/svg" width="{{width}}" height="{{height}}" viewBox="0 0 {{width}} {{height}}" role="img" aria-label="每名督学负责学校数分布">
<line x1="{{left}}" y1="{{axisY}}" x2="{{right}}" y2="{{axisY}}" stroke="#000"/>
<line x1="{{left}}" y1="{{top}}" x2="{{left}}" y2="{{axisY}}" stroke="#000"/>
{{#bars}}
<rect x="{{x}}" y="{{y}}" width="{{width}}" height="{{height}}" fill="#4472c4"><title>{{schools}} 所：{{inspectors}} 人</title></rect>
<text x="{{middle}}" y="{{countY}}" font-size="11" text-anchor="middle">{{inspectors}}</text>
<text x="{{middle}}" y="{{schoolsY}}" font-size="11" text-anchor="middle">{{schools}}</text>
{{/bars}}
<text x="{{captionX}}" y="{{captionY}}" font-size="11" text-anchor="middle">负责学校数（所）</text>
<text x="12" y="{{unitY}}" font-size="11">人数</text>
</svg>
<figcaption>图：每名责任督学负责的学校数（柱上数字为督学人数）</figcaption>
</figure>
{{/chart}}
{{#noChart}}

{{/noChart}}
</div>
</section>
{{#sections}}
{{#public}}
<section class="public">
{{/public}}
{{^public}}
<section>
{{/public}}
<h2>{{number}}. {{title}}{{^public}} <span class="tag">报备材料 · 不公开</span>{{/public}}</h2>
{{#last}}
<div class="keep">
{{/last}}
{{#table}}
{{#paired}}
<div class="halves">
{{#halves}}
<table class="whole">
<colgroup><col style="width: 45%"><col style="width: 55%"></colgroup>
{{>body}}
</table>
{{/halves}}
</div>
{{/paired}}
{{^paired}}
<table{{#whole}} class="whole"{{/whole}}>
<colgroup>{{#widths}}<col style="width: {{.}}%">{{/widths}}</colgroup>
{{>body}}
</table>
{{/paired}}
{{/table}}
{{#notes}}
<p class="note">{{.}}</p>
{{/notes}}
{{#last}}
<div class="seal">
<table aria-label="签章"><tbody>
{{#seal}}
<tr><th>{{label}}：</th><td>{{value}}</td></tr>
{{/seal}}
</tbody></table>
</div>
</div>
{{/last}}
</section>
{{/sections}}
</body>
</html>

"""#, partials: [
        "facts": #"""
<table class="facts whole" aria-label="{{title}}"><tbody>
{{#lines}}
<tr{{#alert}} class="err"{{/alert}}><th>{{label}}</th><td{{#blank}} class="blank"{{/blank}}>{{value}}</td></tr>
{{/lines}}
</tbody></table>

"""#,
        "body": #"""
<thead><tr>{{#header}}<th>{{.}}</th>{{/header}}</tr></thead>
<tbody>
{{#rows}}
{{>row}}
{{/rows}}
</tbody>

"""#,
        "row": #"""
<tr{{#error}} class="err"{{/error}}{{#warning}} class="warn"{{/warning}}>{{#cells}}{{#number}}<td class="num">{{text}}</td>{{/number}}{{#short}}<td class="short">{{text}}</td>{{/short}}{{#plain}}<td>{{text}}</td>{{/plain}}{{#list}}<td>{{#items}}{{^first}}、<wbr>{{/first}}<span class="nw">{{text}}</span>{{/items}}</td>{{/list}}{{/cells}}</tr>

"""#,
    ])
}
