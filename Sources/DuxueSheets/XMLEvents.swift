import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// What a part reader does with the events of a streaming XML parse. Element names arrive without their
/// namespace prefix (`x:row` → `row`); attribute names keep theirs.
protocol XMLEventHandler: AnyObject {
    /// An element opens.
    func start(_ name: String, _ attributes: [String: String])
    /// An element closes.
    func end(_ name: String)
    /// Character data (possibly in several pieces).
    func text(_ string: String)
}

/// Streams a part through Foundation's `XMLParser` (libxml2 on Linux): no tree is built, no DTD accepted,
/// no external entity resolved.
enum XMLEvents {
    /// Parses `data`, sending its events to `handler`; `part` names it in errors. A handler may stop the
    /// parse by recording its own error: `stop()` returns it after the parse.
    static func parse(_ data: Data, part: String, into handler: XMLEventHandler) throws(WorkbookError) {
        if declaresDoctype(data) { throw .doctypeRefused(part: part) }
        // Foundation's XMLParser on Linux stops the process on an element or attribute name that is not
        // UTF-8 (a damaged or hand-made part): such bytes are refused before it sees them.
        if let line = firstLineNotUTF8(data) {
            throw .malformedXML(part: part, line: line, reason: "bytes that are not UTF-8")
        }
        // Fed from a stream, in chunks: given a whole part at once, libxml2 refuses one of more than 10 MB
        // ("huge input lookup"), and Excel writes a sheet as a single line.
        let parser = XMLParser(stream: InputStream(data: data))
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        let delegate = Delegate(handler)
        parser.delegate = delegate
        let ok = parser.parse()
        if let error = delegate.abort { throw error }
        guard ok else {
            let reason = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "parse error"
            throw .malformedXML(part: part, line: parser.lineNumber, reason: reason)
        }
        // A part cut short (a damaged file) can end without an error: its elements are then left open.
        if delegate.depth != 0 { throw .malformedXML(part: part, line: parser.lineNumber, reason: "the part ends early") }
        if !delegate.sawElement { throw .malformedXML(part: part, line: parser.lineNumber, reason: "no XML element") }
    }

    /// The line of the first byte sequence that is not UTF-8, or `nil` when the part is UTF-8 (or says it
    /// is in another encoding: a UTF-16 byte order mark, or an XML declaration naming another encoding,
    /// which libxml2 converts itself).
    static func firstLineNotUTF8(_ data: Data) -> Int? {
        if data.starts(with: [0xFE, 0xFF]) || data.starts(with: [0xFF, 0xFE]) { return nil }
        let head = String(decoding: data.prefix(200), as: UTF8.self).lowercased()
        if head.hasPrefix("<?xml"), let range = head.range(of: "encoding=") {
            let value = head[range.upperBound...].dropFirst().prefix { $0 != "\"" && $0 != "'" }
            if value != "utf-8" && value != "utf8" { return nil }
        }
        return data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Int? in
            let bytes = raw.bindMemory(to: UInt8.self)
            var index = 0, line = 1
            while index < bytes.count {
                let first = bytes[index]
                if first < 0x80 {
                    if first == 0x0A { line += 1 }
                    index += 1
                    continue
                }
                // RFC 3629: the length from the first byte, the range of the second (no overlong form, no
                // surrogate, nothing past U+10FFFF), 80…BF for the others.
                let following: Int
                var low: UInt8 = 0x80, high: UInt8 = 0xBF
                switch first {
                case 0xC2...0xDF: following = 1
                case 0xE0: following = 2; low = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF: following = 2
                case 0xED: following = 2; high = 0x9F
                case 0xF0: following = 3; low = 0x90
                case 0xF1...0xF3: following = 3
                case 0xF4: following = 3; high = 0x8F
                default: return line
                }
                guard index + following < bytes.count, (low...high).contains(bytes[index + 1]) else { return line }
                var next = 2
                while next <= following {
                    guard (0x80...0xBF).contains(bytes[index + next]) else { return line }
                    next += 1
                }
                index += following + 1
            }
            return nil
        }
    }

    /// Whether a DTD (`<!DOCTYPE`) comes before the root element.
    static func declaresDoctype(_ data: Data) -> Bool {
        let doctype = Array("<!DOCTYPE".utf8)
        return data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Bool in
            let bytes = raw.bindMemory(to: UInt8.self)
            var index = 0
            while index < bytes.count {
                guard bytes[index] == UInt8(ascii: "<"), index + 1 < bytes.count else {
                    index += 1
                    continue
                }
                let next = bytes[index + 1]
                if next == UInt8(ascii: "?") {
                    index += 2
                    continue
                }
                if next == UInt8(ascii: "!") {
                    if index + doctype.count <= bytes.count,
                        (0..<doctype.count).allSatisfy({ bytes[index + $0] == doctype[$0] })
                    {
                        return true
                    }
                    index += 2
                    continue
                }
                return false
            }
            return false
        }
    }

    /// The local part of a qualified name.
    static func localName(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        let handler: XMLEventHandler
        var abort: WorkbookError?
        /// Elements open.
        var depth = 0
        /// Whether any element was seen (bytes that are not XML at all can parse as "nothing").
        var sawElement = false

        init(_ handler: XMLEventHandler) { self.handler = handler }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            depth += 1
            sawElement = true
            handler.start(XMLEvents.localName(elementName), attributeDict)
            if let stop = (handler as? StoppableHandler)?.failure {
                abort = stop
                parser.abortParsing()
            }
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?) {
            depth -= 1
            handler.end(XMLEvents.localName(elementName))
            if let stop = (handler as? StoppableHandler)?.failure {
                abort = stop
                parser.abortParsing()
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { handler.text(string) }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            handler.text(String(decoding: CDATABlock, as: UTF8.self))
        }
    }
}

/// A handler that can refuse the part it is reading (a sheet past its limits).
protocol StoppableHandler: XMLEventHandler {
    /// The error that stops the parse, once there is one.
    var failure: WorkbookError? { get }
}
