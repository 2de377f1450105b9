/// Renders the filing package as one printable HTML page: A4, table headers repeated on every page,
/// rows never split across pages, CJK fonts, and an inline SVG bar chart of schools per inspector.
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
        @page { size: A4 landscape; margin: 12mm 10mm; }
        body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "SimSun", sans-serif; font-size: 10pt; color: #000; margin: 0 auto; max-width: 277mm; }
        h1 { font-size: 16pt; margin: 0 0 2mm; }
        h2 { font-size: 13pt; margin: 6mm 0 2mm; break-after: avoid; }
        h3 { font-size: 11pt; margin: 4mm 0 2mm; break-after: avoid; }
        p.sub { margin: 0 0 4mm; color: #333; }
        section { break-before: page; }
        section.first { break-before: auto; }
        table { border-collapse: collapse; width: 100%; table-layout: auto; }
        thead { display: table-header-group; }
        tfoot { display: table-footer-group; }
        tr { break-inside: avoid; page-break-inside: avoid; }
        table.whole { break-inside: avoid; page-break-inside: avoid; }
        th, td { border: 0.5pt solid #444; padding: 1mm 1.5mm; vertical-align: top; text-align: left; word-break: break-word; }
        th { background: #d9d9d9; font-weight: bold; text-align: center; white-space: nowrap; }
        td.short { white-space: nowrap; }
        td.num { text-align: right; white-space: nowrap; }
        figure { margin: 0 0 4mm; break-inside: avoid; }
        figcaption { font-size: 9pt; color: #333; }
        @media print { th { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
        </style>
        </head>
        <body>
        <h1>\(escape(package.title))</h1>
        <p class="sub">\(escape(package.subtitle))</p>
        """)
        for (index, table) in package.tables.enumerated() {
            out.append(index == 0 ? "<section class=\"first\">" : "<section>")
            out.append("<h2>\(index + 1). \(escape(table.title))</h2>")
            if index == 0 { out.append(chart(package.histogram)) }
            out.append(render(table))
            for extra in table.appendix {
                out.append("<h3>\(escape(extra.title))</h3>")
                if !extra.rows.isEmpty { out.append(render(extra)) }
            }
            out.append("</section>")
        }
        out.append("</body>\n</html>\n")
        return out.joined(separator: "\n")
    }

    /// Tables of at most this many rows are never split across pages.
    static let wholeTableRows = 25

    private static func render(_ table: FilingTable) -> String {
        // A short table (the summary, the rules) is kept on one page rather than leave a row or two over.
        let opening = table.rows.count <= wholeTableRows ? "<table class=\"whole\">" : "<table>"
        var out = [opening, "<thead><tr>" + table.header.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead>", "<tbody>"]
        // Columns narrower than 20 characters keep to one line (ids, names, phones); wide ones wrap.
        let short = table.widths.map { $0 < 20 }
        for row in table.rows {
            out.append("<tr>" + row.enumerated().map { column, cell in
                switch cell {
                case .text(let text):
                    column < short.count && short[column] ? "<td class=\"short\">\(escape(text))</td>" : "<td>\(escape(text))</td>"
                case .number, .percent: "<td class=\"num\">\(escape(cell.display))</td>"
                }
            }.joined() + "</tr>")
        }
        out.append("</tbody>")
        out.append("</table>")
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
