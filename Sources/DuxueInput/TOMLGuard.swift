/// Checks policy TOML text for what crashes or silently truncates TOMLKit's C++ parser (toml++ 3), before
/// the parser sees it: a non-ASCII character outside quotes and comments (`[来源]`, `é = 1`) trips an
/// assertion in toml++'s key parser that aborts the process, and so does a table header whose name does not
/// start right (`[` alone on a line, `[ #]`), and a `}` inside an array (`d = [}`); a NUL ends the text
/// early at the C boundary.
/// Found by fuzzing (scripts/fuzz.sh, Tests/DuxueInputTests/Corpus/fuzz-policy-*).
public enum TOMLGuard {
    /// The problems of `text` that must stop it before it reaches TOMLKit, as input problems of `file`
    /// (at most one per line, `limit` in all); empty when the text is safe to parse. Every reader of
    /// TOML text calls this first: policy files, and `duxue compare`'s scenario files.
    public static func problems(in text: String, file: String, limit: Int = 20) -> [InputProblem] {
        check(text, limit: limit).map {
            InputProblem(file: file, line: $0.line, column: InputProblem.Column(name: "", index: $0.column), kind: $0.kind)
        }
    }

    /// A place in the text and what is wrong there.
    struct Finding: Equatable {
        var line: Int
        var column: Int
        var kind: InputProblem.Kind
    }

    /// The findings, at most one per line and `limit` in all.
    static func check(_ text: String, limit: Int = 20) -> [Finding] {
        enum State { case normal, comment, basic, literal, multiBasic, multiLiteral }
        let scalars = Array(text.unicodeScalars)
        var findings: [Finding] = []
        var state = State.normal
        var line = 1, column = 1
        var flaggedLine = 0
        var lineStart = true  // only white space so far on this line
        var open: [Unicode.Scalar] = []  // `[` of arrays and `{` of inline tables still open
        var i = 0
        func starts(_ text: String, at index: Int) -> Bool {
            var k = index
            for scalar in text.unicodeScalars {
                guard k < scalars.count, scalars[k] == scalar else { return false }
                k += 1
            }
            return true
        }
        func flag(_ kind: InputProblem.Kind) {
            guard flaggedLine != line, findings.count < limit else { return }
            flaggedLine = line
            findings.append(Finding(line: line, column: column, kind: kind))
        }
        while i < scalars.count {
            let scalar = scalars[i]
            var step = 1
            if scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r" || scalar.value == 0x7F {
                flag(.tomlControlCharacter(code: Int(scalar.value)))
            }
            switch state {
            case .normal:
                if scalar == "#" {
                    state = .comment
                } else if starts("\"\"\"", at: i) {
                    state = .multiBasic
                    step = 3
                } else if scalar == "\"" {
                    state = .basic
                } else if starts("'''", at: i) {
                    state = .multiLiteral
                    step = 3
                } else if scalar == "'" {
                    state = .literal
                } else if scalar == "[" && lineStart && open.isEmpty {
                    // A table header: its name must start with a bare-key character or a quote.
                    var k = i + 1
                    if k < scalars.count, scalars[k] == "[" { k += 1 }
                    while k < scalars.count, scalars[k] == " " || scalars[k] == "\t" { k += 1 }
                    if k < scalars.count, !startsKey(scalars[k]), scalars[k] != "]" {
                        flag(.tomlTableWithoutName)
                    }
                    step = k - i
                } else if scalar == "[" || scalar == "{" {
                    open.append(scalar)
                } else if scalar == "]" {
                    if open.last == "[" { open.removeLast() }
                } else if scalar == "}" {
                    if open.last == "{" {
                        open.removeLast()
                    } else if open.last == "[" {
                        flag(.tomlBraceInArray)
                    }
                } else if scalar.value >= 0x80 {
                    flag(.tomlUnquotedText(character: String(scalar)))
                }
            case .comment:
                if scalar == "\n" { state = .normal }
            case .basic:
                if scalar == "\\" { step = 2 } else if scalar == "\"" || scalar == "\n" { state = .normal }
            case .literal:
                if scalar == "'" || scalar == "\n" { state = .normal }
            case .multiBasic:
                if scalar == "\\" {
                    step = 2
                } else if starts("\"\"\"", at: i) {
                    state = .normal
                    step = 3
                }
            case .multiLiteral:
                if starts("'''", at: i) {
                    state = .normal
                    step = 3
                }
            }
            for k in i..<min(i + step, scalars.count) {
                if scalars[k] == "\n" {
                    line += 1
                    column = 1
                    lineStart = true
                } else {
                    column += 1
                    if scalars[k] != " " && scalars[k] != "\t" && scalars[k] != "\r" { lineStart = false }
                }
            }
            i += step
        }
        return findings
    }

    /// A bare-key character (A–Z, a–z, 0–9, _ and -) or a quote.
    private static func startsKey(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "A"..."Z", "a"..."z", "0"..."9", "_", "-", "\"", "'": true
        default: false
        }
    }
}
