import CSCCore

/// Turns export records into canonical records as one mapping says: filters,
/// then each column's text, date or label, with an issue for every value
/// that cannot be read (left empty; the record still loads) and no record
/// for a row without a child id.
struct MappedRecordBuilder {
    let export: MappedExport
    let file: String
    let sink: RecordSink
    // The columns as parallel flat arrays, child id first: the hot loop reads
    // them by index, so no enum payload or struct is copied (and retained) per cell.
    private let kinds: [Kind]
    private let targets: [Int]
    /// The export cell read; -1 for a constant or an absent optional column.
    private let cellIndexes: [Int]
    /// Into `formatRanges`, `maps` or `constants`, by kind.
    private let slots: [Int]
    /// The column's name in the export, for issues.
    private let names: [String]
    private let formats: [MappedDateFormat]
    private let formatRanges: [Range<Int>]
    private let maps: [MappedValueMap]
    private let constants: [String]
    private let filterCells: [Int]
    private let filterMaps: [MappedValueMap]
    private let filterExcludes: [Bool]
    private let childColumn: Int?
    private let childName: String
    private let childRequired: Bool
    private let template: [String]
    /// For referrals: the `referral_id` and `referral_date` columns, to derive an id the export does not give.
    private let referralID: (id: Int, date: Int)?
    private var isoCache = MappedISOCache()
    private(set) var records = 0
    private(set) var filteredOut = 0

    /// `cells[i]` is the export cell of `export.sources[i]` (nil when absent); `names[i]` its name for issues.
    init(export: MappedExport, cells: [Int?], names: [String], file: String, sink: RecordSink) {
        self.export = export
        self.file = file
        self.sink = sink
        let table = export.table
        let child = table.columns.firstIndex(of: "child_id")
        var entries: [(column: MappedColumn, cell: Int, name: String)] = []
        var s = 0
        for column in export.columns {
            if column.source != nil {
                entries.append((column, cells[s] ?? -1, names[s]))
                s += 1
            } else {
                entries.append((column, -1, column.canonical))
            }
        }
        // The child id first, so that every issue of the record can name the child.
        entries.sort { (table.index(of: $0.column.canonical) == child ? 0 : 1) < (table.index(of: $1.column.canonical) == child ? 0 : 1) }
        var kinds: [Kind] = [], slots: [Int] = [], formats: [MappedDateFormat] = [], ranges: [Range<Int>] = []
        var maps: [MappedValueMap] = [], constants: [String] = []
        for entry in entries {
            switch entry.column.conversion {
            case .text:
                kinds.append(.text); slots.append(0)
            case .date(let list):
                kinds.append(.date); slots.append(ranges.count)
                ranges.append(formats.count..<(formats.count + list.count))
                formats += list
            case .values(let map):
                kinds.append(.values); slots.append(maps.count)
                maps.append(map)
            case .constant(let value):
                kinds.append(.constant); slots.append(constants.count)
                constants.append(value)
            }
        }
        self.kinds = kinds
        self.slots = slots
        self.formats = formats
        formatRanges = ranges
        self.maps = maps
        self.constants = constants
        targets = entries.map { table.index(of: $0.column.canonical) }
        cellIndexes = entries.map(\.cell)
        self.names = entries.map(\.name)
        filterCells = export.filters.indices.map { cells[s + $0] ?? -1 }
        filterMaps = export.filters.map { MappedValueMap(entries: $0.values.map { .init(label: $0, code: $0) }) }
        filterExcludes = export.filters.map(\.exclude)
        childColumn = child
        childName = entries.first { child != nil && table.index(of: $0.column.canonical) == child }?.name ?? "child_id"
        childRequired = child != nil && table != .audits
        template = table.emptyValues()
        referralID = table == .referrals ? (table.index(of: "referral_id"), table.index(of: "referral_date")) : nil
    }

    /// Builds the record of `cells`, read from `line`, and sends it (or its issues) to the sink.
    mutating func add<Cells: MappedCells>(_ cells: Cells, line: Int) {
        for f in filterCells.indices {
            let cell = filterCells[f]
            let listed = cell >= 0 ? cells.withCell(cell) { filterMaps[f].contains($0) } : false
            if listed == filterExcludes[f] {
                filteredOut += 1
                return
            }
        }
        var values = template
        var childID = ""
        for i in 0..<kinds.count {
            let target = targets[i]
            let kind = kinds[i]
            if kind == .constant {
                values[target] = constants[slots[i]]
                continue
            }
            let cell = cellIndexes[i]
            if cell < 0 { continue }
            let slot = slots[i]
            let outcome: Outcome = cells.withCell(cell) { raw in
                let bytes = mappedTrimmed(raw)
                switch kind {
                case .text, .constant:
                    return .value(bytes.isEmpty ? "" : String(decoding: bytes, as: UTF8.self))
                case .date:
                    if bytes.isEmpty { return .value("") }
                    for f in formatRanges[slot] {
                        if let day = formats[f].day(bytes) { return .value(isoCache.iso(day)) }
                    }
                    return .badDate
                case .values:
                    if bytes.isEmpty { return .value(maps[slot].blank) }
                    if let code = maps[slot].code(for: bytes) { return .value(code) }
                    return .unknownLabel
                }
            }
            switch outcome {
            case .value(let value):
                values[target] = value
                if target == childColumn { childID = value }
            case .badDate:
                let written = cells.string(cell)
                let patterns = formatRanges[slot].map { formats[$0].pattern }.joined(separator: " or ")
                sink.report(Issue(.badDate, dataset: export.table.name, file: file, line: line, column: names[i],
                                  childID: childID, value: written,
                                  message: "`\(written)` is not a date written \(patterns) "
                                    + "as \(export.mappingFile) says; \(names[i]) is left empty"))
            case .unknownLabel:
                let written = cells.string(cell)
                sink.report(Issue(.unknownCode, dataset: export.table.name, file: file, line: line, column: names[i],
                                  childID: childID, value: written,
                                  message: "`\(written)` is not a label \(export.mappingFile) maps for "
                                    + "\(export.table.columns[target]); add it to the mapping's values"))
            }
        }
        if let (id, date) = referralID, values[id].isEmpty, !childID.isEmpty, !values[date].isEmpty {
            // As the CIN census reader does, so that the same referral from either source merges.
            values[id] = childID + "/" + values[date]
        }
        if childRequired, childID.isEmpty {
            sink.report(Issue(.missingChildID, dataset: export.table.name, file: file, line: line, column: childName))
            return
        }
        records += 1
        sink.accept(Record(table: export.table, values: values, source: SourceLocation(file: file, line: line)))
    }

    private enum Outcome {
        case value(String)
        case badDate
        case unknownLabel
    }

    private enum Kind {
        case text, date, values, constant
    }
}

/// The ISO text of days already seen, one slot per day over about eleven
/// years: an export's dates repeat a few thousand days, so most need no new String.
struct MappedISOCache {
    private var days = [Int32](repeating: .min, count: 4096)
    private var texts = [String](repeating: "", count: 4096)

    @inline(__always)
    mutating func iso(_ day: Day) -> String {
        let slot = Int(day.daysSinceEpoch & 4095)
        if days[slot] == day.daysSinceEpoch { return texts[slot] }
        let c = day.components
        let text = String(unsafeUninitializedCapacity: 10) { out in
            out[0] = UInt8(0x30 + c.year / 1000 % 10); out[1] = UInt8(0x30 + c.year / 100 % 10)
            out[2] = UInt8(0x30 + c.year / 10 % 10); out[3] = UInt8(0x30 + c.year % 10)
            out[4] = 0x2D
            out[5] = UInt8(0x30 + c.month / 10); out[6] = UInt8(0x30 + c.month % 10)
            out[7] = 0x2D
            out[8] = UInt8(0x30 + c.day / 10); out[9] = UInt8(0x30 + c.day % 10)
            return 10
        }
        days[slot] = day.daysSinceEpoch
        texts[slot] = text
        return text
    }
}
