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
