/// The page's files, embedded in the binary: the template, the script, the style sheet and the icon.
enum Assets {
    /// The icon: 督 on a seal-red square.
    static let favicon = #"""
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="10" fill="#b22222"/><text x="32" y="46" font-size="40" text-anchor="middle" fill="#fff">督</text></svg>
"""#

    /// The style sheet (system fonts only).
    static let style = #"""
body { font-family: system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 0; color: #222; background: #fafafa; }
header { display: flex; gap: 1.5em; align-items: baseline; padding: .6em 1em; background: #b22222; color: #fff; }
header h1 { font-size: 1.2em; margin: 0; }
header a { color: #fff; }
header a.current { font-weight: bold; text-decoration: none; border-bottom: 2px solid #fff; }
#lang-switch { margin-left: auto; }
nav.tabs { padding: .4em 1em; background: #eee; position: sticky; top: 0; }
nav.tabs a { margin-right: 1em; }
main { padding: 0 1em 2em; }
section { margin-top: 1.2em; }
h2 { font-size: 1.1em; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; font-size: .9em; }
th, td { border: 1px solid #ddd; padding: 2px 6px; text-align: left; }
#history-inspectors td:nth-child(-n+2), #history-schools td:nth-child(-n+2) { white-space: nowrap; }
th { background: #f0f0f0; position: sticky; top: 2em; }
td.num { text-align: right; }
tr.has-finding td { background: #fff3f0; }
tr.edited td { background: #f0f7ff; }
.error { color: #b00020; }
.warning { color: #8a5a00; }
.filters { margin-bottom: .5em; display: flex; gap: 1em; align-items: center; flex-wrap: wrap; }
#reassign { border: 1px solid #999; background: #fff; padding: .5em; margin: .5em 0; }
#reassign li { cursor: pointer; }
#reassign li.breaks { color: #888; }
a.disabled { color: #999; pointer-events: none; }
.cards { display: flex; gap: 1em; flex-wrap: wrap; }
.card { background: #fff; border: 1px solid #ddd; padding: .5em 1em; min-width: 8em; }
.card b { display: block; font-size: 1.4em; }
#map-box svg { background: #fff; border: 1px solid #ddd; }
.bar { fill: #b22222; }
#record-box, #overrides, #scenario-form, #upload-box { margin: .6em 0; }
#record-box label, #upload-box label { margin-right: 1em; }
#scenario-list textarea { font-family: ui-monospace, monospace; }
#override-table input, #override-table select { width: 8em; }
"""#
}
