import CSCCore

/// Gathers each CHILD of an `EXPSSDA903` file into rows (its HEADER, groups
/// and EPISODEs) and loads them when `</CHILD>` is read, so memory holds one
/// child at a time. Elements the schema does not have are reported once each
/// where they occur and skipped with everything inside them.
struct SSDA903XMLParser: XMLContentHandler {
    private enum Place: Equatable {
        case outside, child, header, group(Int), episode
    }

    private let rootName, childName, headerName, episodeName: XMLName
    private let headerIndex: [XMLName: Int]
    private let groupIndex: [XMLName: Int]
    private let groupFieldIndex: [[XMLName: Int]]
    private let groupTables: [SSDA903Table]
    private let episodeIndex: [XMLName: Int]

    private var loading: SSDA903XMLLoading
    private let sink: RecordSink
    private var place = Place.outside
    private var skipDepth: Int?
    private var leaf: (column: Int, depth: Int, line: Int)?
    private var text: [UInt8] = []
    private var header = SSDA903XMLRow(names: SSDA903XMLLayout.headerFields)
    private var groupRows: [SSDA903XMLRow]
    private var episode = SSDA903XMLRow(names: SSDA903XMLLayout.rowNames(.episodes))
    private var rows: [(table: SSDA903Table, row: SSDA903XMLRow)] = []
    private var childLine = 0

    /// The fatal issue when the root is not `EXPSSDA903`.
    private(set) var failure: Issue?
    private(set) var children = 0
    var records: Int { loading.records }
    var wantsMore: Bool { failure == nil }

    init(interning name: (String) -> XMLName, loading: SSDA903XMLLoading, sink: RecordSink) {
        self.loading = loading
        self.sink = sink
        rootName = name(SSDA903XMLLayout.root)
        childName = name(SSDA903XMLLayout.child)
        headerName = name(SSDA903XMLLayout.header)
        episodeName = name(SSDA903XMLLayout.episode)
        func index(_ names: [String]) -> [XMLName: Int] {
            Dictionary(uniqueKeysWithValues: names.enumerated().map { (name($0.element), $0.offset) })
        }
        headerIndex = index(SSDA903XMLLayout.headerFields)
        groupIndex = index(SSDA903XMLLayout.groups.map(\.element))
        groupTables = SSDA903XMLLayout.groups.map(\.table)
        groupFieldIndex = groupTables.map { index(SSDA903XMLLayout.rowNames($0)) }
        groupRows = groupTables.map { SSDA903XMLRow(names: SSDA903XMLLayout.rowNames($0)) }
        episodeIndex = index(SSDA903XMLLayout.rowNames(.episodes))
    }

    mutating func startElement(_ name: XMLName, line: Int, depth: Int) {
        guard failure == nil, skipDepth == nil else { return }
        if let leaf, depth > leaf.depth {
            unexpected(name, line: line, depth: depth)
            return
        }
        switch (depth, place) {
        case (0, _):
            if name != rootName {
                failure = Issue(.notSSDA903XML, dataset: "file", file: loading.file, line: line, column: name.string,
                                message: "the root element is \(name.string), not EXPSSDA903, so this is not an "
                                    + "SSDA903 XML return")
            }
        case (1, _) where name == childName:
            children += 1
            childLine = line
            header.reset(line: 0)
            rows.removeAll(keepingCapacity: true)
            place = .child
        case (2, .child) where name == headerName:
            header.line = line
            place = .header
        case (2, .child) where name == episodeName:
            episode.reset(line: line)
            place = .episode
        case (3, .header):
            if let column = headerIndex[name] {
                begin(column, depth: depth, line: line)
            } else if let group = groupIndex[name] {
                groupRows[group].reset(line: line)
                place = .group(group)
            } else {
                unexpected(name, line: line, depth: depth)
            }
        case (3, .episode):
            if let column = episodeIndex[name] { begin(column, depth: depth, line: line) } else {
                unexpected(name, line: line, depth: depth)
            }
        case (4, .group(let group)):
            if let column = groupFieldIndex[group][name] { begin(column, depth: depth, line: line) } else {
                unexpected(name, line: line, depth: depth)
            }
        default:
            unexpected(name, line: line, depth: depth)
        }
    }

    mutating func endElement(_ name: XMLName, line: Int, depth: Int) {
        guard failure == nil else { return }
        if let skip = skipDepth {
            if depth == skip { skipDepth = nil }
            return
        }
        if let leaf, depth == leaf.depth {
            store(leaf.column, line: leaf.line)
            self.leaf = nil
            return
        }
        switch (depth, place) {
        case (3, .group(let group)):
            rows.append((groupTables[group], groupRows[group]))
            place = .header
        case (2, .header):
            place = .child
        case (2, .episode):
            rows.append((.episodes, episode))
            place = .child
        case (1, .child):
            loading.load(header: header, rows: rows, childLine: childLine)
            place = .outside
        default:
            break
        }
    }

    mutating func characters(_ bytes: UnsafeBufferPointer<UInt8>, line: Int) {
        if leaf != nil, skipDepth == nil { text.append(contentsOf: bytes) }
    }

    private mutating func begin(_ column: Int, depth: Int, line: Int) {
        leaf = (column, depth, line)
        text.removeAll(keepingCapacity: true)
    }

    /// Keeps the finished field's text in the row being gathered; a repeated field keeps its last value.
    private mutating func store(_ column: Int, line: Int) {
        switch place {
        case .header:
            header.values[column] = text
            header.lines[column] = line
        case .group(let group):
            groupRows[group].values[column] = text
            groupRows[group].lines[column] = line
        case .episode:
            episode.values[column] = text
            episode.lines[column] = line
        case .outside, .child:
            break
        }
    }

    private mutating func unexpected(_ name: XMLName, line: Int, depth: Int) {
        skipDepth = depth
        sink.report(Issue(.unexpectedElement, dataset: "file", file: loading.file, line: line, column: name.string,
                          message: "\(name.string) is not an element of the SSDA903 XML return here; it is ignored"))
    }
}
