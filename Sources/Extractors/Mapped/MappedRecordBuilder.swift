import CSCCore

/// Turns export records into canonical records as one mapping says: filters,
/// then each column's text, date or label, with an issue for every value
/// that cannot be read (left empty; the record still loads) and no record
/// for a row without a child id.
struct MappedRecordBuilder {
    let export: MappedExport
    let file: String
    let sink: RecordSink
    /// Owns `steps` and `formats`.
    private let storage: Storage
    /// The columns in reading order, child id first, as plain values: the hot
    /// loop reads them through one pointer, so no reference is counted per cell.
    private let steps: UnsafeMutableBufferPointer<Step>
    /// The column's name in the export, for issues, by step.
    private let names: [String]
    /// Every date format of the mapping, back to back; a date step reads `formats[slot..<slot + count]`.
    private let formats: UnsafeMutableBufferPointer<MappedDateFormat>
    /// The value maps; a values step reads map `slot`, a constant step the text `slot`.
    private let codes: MappedCodeTables
    private let constants: [String]
    private let filterCells: [Int]
    private let filterMaps: [MappedValueMap]
    private let filterExcludes: [Bool]
    private let childColumn: Int
    private let childName: String
    private let childRequired: Bool
    private let width: Int
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
        var steps: [Step] = [], formats: [MappedDateFormat] = [], maps: [MappedValueMap] = [], constants: [String] = []
        for entry in entries {
            let target = table.index(of: entry.column.canonical)
            switch entry.column.conversion {
            case .text:
                steps.append(Step(kind: .text, target: target, cell: entry.cell, slot: 0, count: 0))
            case .date(let list):
                steps.append(Step(kind: .date, target: target, cell: entry.cell, slot: formats.count, count: list.count))
                formats += list
            case .values(let map):
                steps.append(Step(kind: .values, target: target, cell: entry.cell, slot: maps.count, count: 0))
                maps.append(map)
            case .constant(let value):
                steps.append(Step(kind: .constant, target: target, cell: -1, slot: constants.count, count: 0))
                constants.append(value)
            }
        }
        storage = Storage(steps: steps, formats: formats)
        self.steps = storage.steps
        self.formats = storage.formats
        codes = MappedCodeTables(maps)
        self.constants = constants
        self.names = entries.map(\.name)
        filterCells = export.filters.indices.map { cells[s + $0] ?? -1 }
        filterMaps = export.filters.map { MappedValueMap(entries: $0.values.map { .init(label: $0, code: $0) }) }
        filterExcludes = export.filters.map(\.exclude)
        childColumn = child ?? -1
        childName = entries.first { child != nil && table.index(of: $0.column.canonical) == child }?.name ?? "child_id"
        childRequired = child != nil && table != .audits
        width = table.columns.count
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
        var childID = ""
        // Grown from empty rather than made at its size: this path allocates the
        // buffer with its type known at compile time, where `init(repeating:count:)`
        // looks the type up at run time for every record.
        var values: [String] = []
        values.reserveCapacity(width)
        for _ in 0..<width { values.append("") }
        let codes = self.codes, formats = self.formats
        values.withUnsafeMutableBufferPointer { values in
            for i in steps.indices {
                let step = steps[i]
                let value: String
                switch step.kind {
                case .constant:
                    values[step.target] = constants[step.slot]
                    continue
                case .text:
                    guard step.cell >= 0 else { continue }
                    value = cells.withCell(step.cell) { raw in
                        let bytes = CellBytes.trimmed(raw)
                        return bytes.isEmpty ? "" : String(decoding: bytes, as: UTF8.self)
                    }
                case .values:
                    guard step.cell >= 0 else { continue }
                    let text = cells.withCell(step.cell) { codes.value(step.slot, CellBytes.trimmed($0)) }
                    guard text != MappedCodeTables.unlisted else {
                        reportUnknownLabel(cells, step, i, line: line, childID: childID)
                        continue
                    }
                    value = codes.texts[Int(text)]
                case .date:
                    guard step.cell >= 0 else { continue }
                    let date: (year: Int, month: Int, day: Int) = cells.withCell(step.cell) { raw in
                        let bytes = CellBytes.trimmed(raw)
                        if bytes.isEmpty { return Self.noDate }
                        for f in step.slot..<(step.slot + step.count) {
                            if let date = formats[f].civil(bytes) { return date }
                        }
                        return Self.badDate
                    }
                    if date.year == Self.noDate.year { continue }
                    guard date.year != Self.badDate.year else {
                        reportBadDate(cells, step, i, line: line, childID: childID)
                        continue
                    }
                    value = isoCache.iso(year: date.year, month: date.month, day: date.day)
                }
                values[step.target] = value
                if step.target == childColumn { childID = value }
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
        sink.accept(Record(table: export.table, values: values,
                           source: SourceLocation(file: file, line: Self.decimal(line))))
    }

    private func reportBadDate<Cells: MappedCells>(_ cells: Cells, _ step: Step, _ i: Int, line: Int, childID: String) {
        let written = cells.string(step.cell)
        let patterns = formats[step.slot..<(step.slot + step.count)].map(\.pattern).joined(separator: " or ")
        sink.report(Issue(.badDate, dataset: export.table.name, file: file, line: line, column: names[i],
                          childID: childID, value: written,
                          message: "`\(written)` is not a date written \(patterns) "
                            + "as \(export.mappingFile) says; \(names[i]) is left empty"))
    }

    private func reportUnknownLabel<Cells: MappedCells>(_ cells: Cells, _ step: Step, _ i: Int, line: Int, childID: String) {
        let written = cells.string(step.cell)
        sink.report(Issue(.unknownCode, dataset: export.table.name, file: file, line: line, column: names[i],
                          childID: childID, value: written,
                          message: "`\(written)` is not a label \(export.mappingFile) maps for "
                            + "\(export.table.columns[step.target]); add it to the mapping's values"))
    }

    /// `line` in decimal, as `String(line)` writes it but without the generic
    /// formatting path: the text fits a String's inline storage, so nothing is allocated.
    @inline(__always)
    static func decimal(_ line: Int) -> String {
        guard line > 0, line < 1_000_000_000_000_000 else { return String(line) }
        var digits = 1
        var rest = line / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        return String(unsafeUninitializedCapacity: digits) { out in
            var n = line
            var i = digits - 1
            while i >= 0 {
                out[i] = UInt8(truncatingIfNeeded: 0x30 + n % 10)
                n /= 10
                i -= 1
            }
            return digits
        }
    }

    /// What a date cell read as when it holds no date: empty, or not a date in any of the column's formats.
    private static let noDate = (year: 0, month: 0, day: 0)
    private static let badDate = (year: -1, month: 0, day: 0)

    /// One canonical column: where it is written, which cell it reads and how.
    private struct Step {
        var kind: Kind
        /// The canonical column written.
        var target: Int
        /// The export cell read; -1 for a constant or an absent optional column.
        var cell: Int
        /// Dates: the first of its formats; values: its map; constants: its text.
        var slot: Int
        /// Dates: how many formats.
        var count: Int
    }

    private enum Kind {
        case text, date, values, constant
    }

    private final class Storage {
        let steps: UnsafeMutableBufferPointer<Step>
        let formats: UnsafeMutableBufferPointer<MappedDateFormat>

        init(steps: [Step], formats: [MappedDateFormat]) {
            self.steps = .allocate(capacity: steps.count)
            _ = self.steps.initialize(from: steps)
            self.formats = .allocate(capacity: formats.count)
            _ = self.formats.initialize(from: formats)
        }

        deinit {
            steps.deallocate()
            formats.deinitialize()
            formats.deallocate()
        }
    }
}

/// The ISO text of dates already seen, one slot per day over about eleven
/// years: an export's dates repeat a few thousand days, so most need no new String.
struct MappedISOCache {
    private var keys = [Int](repeating: -1, count: 4096)
    private var texts = [String](repeating: "", count: 4096)

    @inline(__always)
    mutating func iso(year: Int, month: Int, day: Int) -> String {
        let key = year << 9 | month << 5 | day
        let slot = ((year * 12 + month) * 31 + day) & 4095
        if keys[slot] == key { return texts[slot] }
        let text = String(unsafeUninitializedCapacity: 10) { out in
            out[0] = UInt8(0x30 + year / 1000 % 10); out[1] = UInt8(0x30 + year / 100 % 10)
            out[2] = UInt8(0x30 + year / 10 % 10); out[3] = UInt8(0x30 + year % 10)
            out[4] = 0x2D
            out[5] = UInt8(0x30 + month / 10); out[6] = UInt8(0x30 + month % 10)
            out[7] = 0x2D
            out[8] = UInt8(0x30 + day / 10); out[9] = UInt8(0x30 + day % 10)
            return 10
        }
        keys[slot] = key
        texts[slot] = text
        return text
    }
}
