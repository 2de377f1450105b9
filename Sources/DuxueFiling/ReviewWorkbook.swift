import DuxueDomain
import DuxueInput
import DuxueReport
import DuxueXLSX

/// The city's review as an .xlsx workbook: a districts sheet (区县汇总, one row per filing: the city
/// summary, then errors and warnings of every rule or check that has any) and a findings sheet (问题清单,
/// one row per finding, with the file and district it belongs to; the city's own findings last).
public enum ReviewWorkbook {
    /// The sheets' names in a language.
    public static func sheetNames(_ language: Language) -> [String] {
        TableFiles.reviewReportSheetNames[language == .zh ? 0 : 1]
    }

    /// The findings sheet's header.
    public static func findingsHeader(_ language: Language) -> [String] {
        language == .zh
            ? ["文件", "区县", "类别", "规则", "位置", "学校代码", "学校名称", "督学编号", "督学姓名", "问题", "整改建议"]
            : ["file", "district", "kind", "rule", "place", "school ids", "schools", "inspector ids", "inspectors", "finding", "fix"]
    }

    /// Writes the workbook to `path`: atomically, never over one of `inputs`, never over an existing
    /// file unless `overwrite`.
    public static func write(_ report: ReviewReport, to path: String, overwrite: Bool, inputs: [String]) throws(RosterWorkbookError) {
        try RosterWorkbook.place(at: path, overwrite: overwrite, inputs: inputs) { scratch throws(XLSXError) in
            try render(report, to: scratch)
        }
    }

    /// The districts sheet's columns: the summary's, then "R7 错误", "R7 提示" … for each rule or check
    /// that has a finding in some filing.
    public static func districtColumns(_ report: ReviewReport) -> (header: [String], kinds: [(kind: String, errors: Bool)]) {
        let zh = report.language == .zh
        var kinds: [(String, Bool)] = []
        for kind in ReviewReport.kinds {
            if report.filings.contains(where: { ($0.count(kind)?.errors ?? 0) > 0 }) { kinds.append((kind, true)) }
            if report.filings.contains(where: { ($0.count(kind)?.warnings ?? 0) > 0 }) { kinds.append((kind, false)) }
        }
        let header = ReviewRenderer.header(report.language) + kinds.map { kind, errors in
            "\(ReviewReport.label(kind, report.language)) " + (errors ? (zh ? "错误" : "errors") : (zh ? "提示" : "warnings"))
        }
        return (header, kinds)
    }

    static func render(_ report: ReviewReport, to path: String) throws(XLSXError) {
        let workbook = try Workbook(path: path)
        let names = sheetNames(report.language)
        let districts = try workbook.addSheet(names[0])
        let (header, kinds) = districtColumns(report)
        try districts.preparePrinting(headerRow: 0)
        for (column, name) in header.enumerated() {
            try districts.setWidth(column < 2 ? 22 : max(8, Double(FilingXLSX.displayWidth(name)) + 2), column: column)
            try districts.write(name, row: 0, column: column, style: .header)
        }
        for (index, (filing, cells)) in zip(report.filings, ReviewRenderer.rows(report)).enumerated() {
            let row = index + 1
            for (column, cell) in cells.enumerated() {
                if column == 9, let share = filing.figures?.fullTimeShare {
                    try districts.write(share, row: row, column: column, style: .percent)
                } else if column >= 3, column != 12, let number = Double(cell) {
                    try districts.write(number, row: row, column: column)
                } else {
                    try districts.write(cell, row: row, column: column)
                }
            }
            for (offset, kind) in kinds.enumerated() {
                let count = filing.count(kind.kind)
                try districts.write(Double((kind.errors ? count?.errors : count?.warnings) ?? 0), row: row, column: cells.count + offset)
            }
        }
        let findings = try workbook.addSheet(names[1])
        let findingsHeader = findingsHeader(report.language)
        try findings.preparePrinting(headerRow: 0)
        for (column, width) in [16.0, 12, 6, 12, 22, 14, 24, 12, 12, 60, 50].enumerated() { try findings.setWidth(width, column: column) }
        for (column, name) in findingsHeader.enumerated() { try findings.write(name, row: 0, column: column, style: .header) }
        let zh = report.language == .zh
        var row = 1
        let lines = report.filings.flatMap { filing in filing.findings.map { (filing.file, filing.district, $0) } }
            + report.city.map { ("", "", $0) }
        for (file, district, line) in lines {
            let cells = [file, district, line.severity == .error ? (zh ? "错误" : "error") : (zh ? "提示" : "warning"),
                         ReviewReport.label(line.rule, report.language), line.place,
                         line.schools.map(\.id).joined(separator: "、"), line.schools.map(\.name).joined(separator: "、"),
                         line.inspectors.map(\.id).joined(separator: "、"), line.inspectors.map(\.name).joined(separator: "、"),
                         line.message, line.fix]
            for (column, text) in cells.enumerated() { try findings.write(text, row: row, column: column) }
            row += 1
        }
        try workbook.close()
    }
}
