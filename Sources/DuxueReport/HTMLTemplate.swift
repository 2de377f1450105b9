import Mustache

/// A page template (Mustache) and its partials, parsed once: `{{x}}` escapes `& < > " '`, so every value
/// a page shows — names of districts, schools and inspectors above all — is escaped by default. The
/// pages' templates never use the unescaped `{{{x}}}` or `{{&x}}` (a test reads them to be sure).
/// Values are given as dictionaries of text, numbers, flags and lists; numbers are formatted beforehand.
public struct HTMLTemplate: Sendable {
    /// The page's template text.
    public let text: String
    /// The partials' texts, by name (`{{>name}}`).
    public let partials: [String: String]
    private let library: MustacheLibrary?

    /// Parses `text` and `partials`; a template that does not parse renders as nothing (``isValid`` false).
    public init(_ text: String, partials: [String: String] = [:]) {
        self.text = text
        self.partials = partials
        var library = MustacheLibrary()
        do {
            try library.register(text, named: Self.pageName)
            for (name, partial) in partials { try library.register(partial, named: name) }
            self.library = library
        } catch {
            self.library = nil
        }
    }

    private static let pageName = "page"

    /// The opening every report page shares — doctype, language, title and the body's font — up to the
    /// first line of its own style sheet.
    static let pageOpening = #"""
<!DOCTYPE html>
<html lang="{{lang}}"><head><meta charset="utf-8">
<title>{{title}}</title>
<style>
body{font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:2em;color:#222}
"""#

    /// Whether the template and its partials parsed.
    public var isValid: Bool { library != nil }

    /// The page for `context`.
    public func render(_ context: [String: Any]) -> String {
        library?.render(context, withTemplate: Self.pageName) ?? ""
    }
}
