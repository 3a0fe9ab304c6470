import CSCCore

/// Reads an XML export: every element at the mapping's record path is one
/// record, its columns the text of elements at paths below it. Streamed in
/// constant memory; a record's line is the line of its start tag.
struct MappedXMLReading {
    let export: MappedExport
    let recordPath: [String]

    func read(path: String, displayName: String, into sink: RecordSink) throws(UnreadableInput) -> MappedFileSummary {
        let xml: XMLPushParser
        do {
            xml = try XMLPushParser(path: path)
        } catch {
            throw unreadable(error, displayName, path)
        }
        let paths: [[String]] = export.sources.map { source in
            if case .name(let name) = source.match { return name.split(separator: "/").map(String.init) }
            return []
        }
        let names = export.sources.map { source -> String in
            if case .name(let name) = source.match { return name }
            return source.description
        }
        let builder = MappedRecordBuilder(export: export, cells: paths.indices.map { $0 }, names: names,
                                          file: displayName, sink: sink)
        var handler = MappedXMLHandler(recordPath: recordPath.map(xml.name), columnPaths: paths.map { $0.map(xml.name) },
                                       builder: builder, file: displayName, table: export.table.name)
        do {
            try xml.parse(&handler)
        } catch {
            throw unreadable(error, displayName, path)
        }
        if let failure = handler.failure { throw UnreadableInput(issue: failure) }
        return MappedFileSummary(rows: handler.rows, records: handler.builder.records,
                                 filteredOut: handler.builder.filteredOut, format: "xml", encoding: "")
    }

    private func unreadable(_ error: XMLReadError, _ displayName: String, _ path: String) -> UnreadableInput {
        error.unreadableInput(file: displayName, path: path, wrongKind: .mappedRecordPathMissing,
                              expected: "an XML export")
    }
}

/// The fields of one XML record, kept as bytes until `</record>`.
struct MappedXMLCells: MappedCells {
    var values: [[UInt8]]

    @inline(__always)
    func withCell<R>(_ index: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        values[index].withUnsafeBytes(body)
    }

    func string(_ index: Int) -> String { String(decoding: values[index], as: UTF8.self) }
}

/// Follows the record path and, inside a record, the column paths, with a
/// small tree of interned names so that each element costs a dictionary
/// look-up on a pointer.
struct MappedXMLHandler: XMLContentHandler {
    private struct Node {
        var children: [XMLName: Int] = [:]
        /// The cell this element fills, when a column reads it.
        var cell: Int?
    }

    private let recordPath: [XMLName]
    private var nodes: [Node] = [Node()]
    /// How many leading parts of the record path the open elements match.
    private var matched = 0
    /// Inside a record: the tree node of each open element below it (-1 off the tree).
    private var stack: [Int] = []
    private var cells: MappedXMLCells
    private var recordLine = 0
    private let file: String
    private let table: String
    var builder: MappedRecordBuilder
    private(set) var rows = 0
    private(set) var failure: Issue?
    var wantsMore: Bool { failure == nil }

    init(recordPath: [XMLName], columnPaths: [[XMLName]], builder: MappedRecordBuilder, file: String, table: String) {
        self.recordPath = recordPath
        self.builder = builder
        self.file = file
        self.table = table
        cells = MappedXMLCells(values: Array(repeating: [], count: columnPaths.count))
        for (cell, path) in columnPaths.enumerated() where !path.isEmpty {
            var node = 0
            for name in path {
                if let next = nodes[node].children[name] {
                    node = next
                } else {
                    nodes.append(Node())
                    nodes[node].children[name] = nodes.count - 1
                    node = nodes.count - 1
                }
            }
            nodes[node].cell = cell
        }
    }

    mutating func startElement(_ name: XMLName, line: Int, depth: Int) {
        if matched == recordPath.count {
            let parent = stack.last ?? 0
            let node = parent >= 0 ? nodes[parent].children[name] ?? -1 : -1
            stack.append(node)
            if node >= 0, let cell = nodes[node].cell { cells.values[cell].removeAll(keepingCapacity: true) }
            return
        }
        if depth == 0, name != recordPath[0] {
            failure = Issue(.mappedRecordPathMissing, dataset: "file", file: file, line: line, column: name.string,
                            message: "the root element is \(name.string), but the mapping's records are at "
                                + recordPath.map(\.string).joined(separator: "/"))
            return
        }
        guard depth == matched, name == recordPath[depth] else { return }
        matched += 1
        if matched == recordPath.count {
            recordLine = line
            stack.removeAll(keepingCapacity: true)
            for i in cells.values.indices { cells.values[i].removeAll(keepingCapacity: true) }
        }
    }

    mutating func endElement(_ name: XMLName, line: Int, depth: Int) {
        if matched == recordPath.count, !stack.isEmpty {
            stack.removeLast()
            return
        }
        guard depth == matched - 1 else { return }
        if matched == recordPath.count {
            rows += 1
            builder.add(cells, line: recordLine)
        }
        matched -= 1
    }

    mutating func characters(_ text: UnsafeBufferPointer<UInt8>, line: Int) {
        guard matched == recordPath.count, let node = stack.last, node >= 0, let cell = nodes[node].cell else { return }
        cells.values[cell].append(contentsOf: text)
    }
}
