/// Renders the filing package as one printable HTML page: A4 landscape, the cover first (title, what
/// may be published, the verdict before any table, the figures, the digest, the lines to fill, the
/// chart), then one section per table on its own page (headers repeated on every page, rows never split,
/// tables of at most 25 rows kept whole, the last row never alone on a page), and the signature and seal
/// block at the end, kept with the last table. Error rows are bold on red, warning rows on yellow. The
/// internal sheets are never on the page.
public enum FilingHTML {
    /// The page.
    public static func render(_ package: FilingPackage) -> String {
        var out: [String] = []
        out.append("""
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <title>\(escape(package.title))</title>
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
        <h1>\(escape(package.title))</h1>
        <p class="notice">\(escape(package.cover.notice))</p>
        <div class="verdict \(package.verdict.compliant ? "ok" : "bad")">\(escape(package.verdict.line))</div>
        """)
        out.append(facts(package.cover.facts, title: package.cover.title, alert: package.verdict.compliant ? nil : "合规结论"))
        out.append("<div class=\"pair\">")
        out.append(facts(package.cover.filer, title: "填报信息", alert: nil))
        out.append(chart(package.histogram))
        out.append("</div>")
        out.append("</section>")
        for (index, table) in package.tables.enumerated() {
            let last = index == package.tables.count - 1
            // Sections not for publication say so; the 公示 section prints on its own pages without it.
            let tag = table.audience == .published ? "" : " <span class=\"tag\">报备材料 · 不公开</span>"
            out.append(table.audience == .published ? "<section class=\"public\">" : "<section>")
            out.append("<h2>\(index + 1). \(escape(table.title))\(tag)</h2>")
            // The last table is short: it stays on one page with the seal block under it.
            if last { out.append("<div class=\"keep\">") }
            out.append(render(table))
            for note in table.notes { out.append("<p class=\"note\">\(escape(note))</p>") }
            if last {
                out.append(seal(package.cover.seal))
                out.append("</div>")
            }
            out.append("</section>")
        }
        out.append("</body>\n</html>\n")
        return out.joined(separator: "\n")
    }

    /// Tables of at most this many rows are never split across pages.
    static let wholeTableRows = 25

    /// Label | value lines (the cover's facts, the lines to fill by hand).
    private static func facts(_ lines: [(label: String, value: String)], title: String, alert: String?) -> String {
        var out = ["<table class=\"facts whole\" aria-label=\"\(escape(title))\"><tbody>"]
        for line in lines {
            let blank = line.value.allSatisfy { " 　年月日".contains($0) }
            let row = line.label == alert ? "<tr class=\"err\">" : "<tr>"
            out.append(row + "<th>\(escape(line.label))</th><td\(blank ? " class=\"blank\"" : "")>\(escape(line.value))</td></tr>")
        }
        out.append("</tbody></table>")
        return out.joined(separator: "\n")
    }

    /// The signature and seal block.
    private static func seal(_ lines: [(label: String, value: String)]) -> String {
        var out = ["<div class=\"seal\">", "<table aria-label=\"签章\"><tbody>"]
        for line in lines { out.append("<tr><th>\(escape(line.label))：</th><td>\(escape(line.value))</td></tr>") }
        out.append("</tbody></table>")
        out.append("</div>")
        return out.joined(separator: "\n")
    }

    /// A label | value table longer than this is laid out in two halves side by side (the summary).
    static let pairedRows = 12

    private static func render(_ table: FilingTable) -> String {
        // A two-column table of many rows prints as two halves side by side, so that it and the seal
        // block under it stay on one page.
        if table.header.count == 2 && table.rows.count > pairedRows { return paired(table) }
        // A short table (the rules) is kept on one page rather than leave a row or two over.
        let opening = table.rows.count <= wholeTableRows ? "<table class=\"whole\">" : "<table>"
        let total = max(1, table.widths.reduce(0, +))
        var out = [opening, "<colgroup>" + table.widths.map { "<col style=\"width: \(fmt(100 * $0 / total))%\">" }.joined() + "</colgroup>",
                   "<thead><tr>" + table.header.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead>", "<tbody>"]
        // Columns narrower than 20 characters keep to one line (ids, names, phones); wide ones wrap.
        let short = table.widths.map { $0 < 20 }
        for (index, row) in table.rows.enumerated() {
            out.append(rowClass(table, index) + row.enumerated().map { column, value in
                cell(value, short: column < short.count && short[column])
            }.joined() + "</tr>")
        }
        out.append("</tbody>")
        out.append("</table>")
        return out.joined(separator: "\n")
    }

    /// The opening tag of a row, with its mark as a class.
    private static func rowClass(_ table: FilingTable, _ index: Int) -> String {
        let mark = index < table.marks.count ? table.marks[index] : .none
        return mark == .error ? "<tr class=\"err\">" : mark == .warning ? "<tr class=\"warn\">" : "<tr>"
    }

    /// A cell; a list ("S-001、S-002") breaks only between its items, never inside a code or a name.
    private static func cell(_ cell: FilingCell, short: Bool = false) -> String {
        switch cell {
        case .text(let text):
            guard text.contains("、") else { return short ? "<td class=\"short\">\(escape(text))</td>" : "<td>\(escape(text))</td>" }
            let items = text.split(separator: "、", omittingEmptySubsequences: false)
                .map { "<span class=\"nw\">\(escape(String($0)))</span>" }
            return "<td>" + items.joined(separator: "、<wbr>") + "</td>"
        case .number, .percent: return "<td class=\"num\">\(escape(cell.display))</td>"
        }
    }

    /// A label | value table as two halves side by side.
    private static func paired(_ table: FilingTable) -> String {
        let half = (table.rows.count + 1) / 2
        var out = ["<div class=\"halves\">"]
        for part in [0..<half, half..<table.rows.count] {
            out.append("<table class=\"whole\">")
            out.append("<colgroup><col style=\"width: 45%\"><col style=\"width: 55%\"></colgroup>")
            out.append("<thead><tr>" + table.header.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead>")
            out.append("<tbody>")
            for index in part { out.append(rowClass(table, index) + table.rows[index].map { cell($0) }.joined() + "</tr>") }
            out.append("</tbody>")
            out.append("</table>")
        }
        out.append("</div>")
        return out.joined(separator: "\n")
    }

    /// A bar chart: how many inspectors hold 1, 2, … schools.
    static func chart(_ histogram: [(schools: Int, inspectors: Int)]) -> String {
        guard !histogram.isEmpty else { return "" }
        let width = 520.0, height = 200.0, left = 40.0, bottom = 30.0, top = 16.0
        let peak = max(1, histogram.map(\.inspectors).max() ?? 1)
        let slot = (width - left - 10) / Double(histogram.count)
        var svg = ["<figure>",
                   "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"每名督学负责学校数分布\">",
                   "<line x1=\"\(left)\" y1=\"\(height - bottom)\" x2=\"\(width - 10)\" y2=\"\(height - bottom)\" stroke=\"#000\"/>",
                   "<line x1=\"\(left)\" y1=\"\(top)\" x2=\"\(left)\" y2=\"\(height - bottom)\" stroke=\"#000\"/>"]
        for (index, bar) in histogram.enumerated() {
            let h = (height - bottom - top) * Double(bar.inspectors) / Double(peak)
            let x = left + Double(index) * slot + slot * 0.15
            let y = height - bottom - h
            svg.append("<rect x=\"\(fmt(x))\" y=\"\(fmt(y))\" width=\"\(fmt(slot * 0.7))\" height=\"\(fmt(h))\" fill=\"#4472c4\"><title>\(bar.schools) 所：\(bar.inspectors) 人</title></rect>")
            svg.append("<text x=\"\(fmt(x + slot * 0.35))\" y=\"\(fmt(y - 3))\" font-size=\"11\" text-anchor=\"middle\">\(bar.inspectors)</text>")
            svg.append("<text x=\"\(fmt(x + slot * 0.35))\" y=\"\(fmt(height - bottom + 14))\" font-size=\"11\" text-anchor=\"middle\">\(bar.schools)</text>")
        }
        svg.append("<text x=\"\(fmt((width + left) / 2))\" y=\"\(fmt(height - 2))\" font-size=\"11\" text-anchor=\"middle\">负责学校数（所）</text>")
        svg.append("<text x=\"12\" y=\"\(fmt(top - 4))\" font-size=\"11\">人数</text>")
        svg.append("</svg>")
        svg.append("<figcaption>图：每名责任督学负责的学校数（柱上数字为督学人数）</figcaption>")
        svg.append("</figure>")
        return svg.joined(separator: "\n")
    }

    private static func fmt(_ value: Double) -> String { String(format1: value) }

    /// Escapes text for HTML.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}
