import CSCCore
import Extractors

/// What reading one input file gave, for the manifest and the progress line.
struct InputFileSummary: Sendable {
    var detected: String
    var records: Int
    var issues: Int
    /// The SSDA903 table the file held, for the cross-file integrity checks.
    var ssda903Table: String?
}

/// Keeps a copy of what one file sent on, for checks that need a whole
/// return's records before they are merged with other inputs.
final class RecordingSink: RecordSink {
    let target: RecordSink
    private(set) var records: [Record] = []

    init(_ target: RecordSink) { self.target = target }

    func accept(_ record: Record) {
        records.append(record)
        target.accept(record)
    }

    func report(_ issue: Issue) { target.report(issue) }
}

/// Reads one file of one pipeline input with the reader for its kind.
struct InputReading {
    let reference: ReferenceData
    /// The run's as-of date: Annex A rows take the collection year containing it.
    let asOf: Day

    func read(_ file: InputFiles.Match, of input: PipelineDefinition.Input, into sink: RecordSink) throws(UnreadableInput) -> InputFileSummary {
        let counter = CountingSink(sink)
        let detected: String
        var ssda903Table: String?
        switch input.kind {
        case .cinCensus:
            let s = try CINCensusReader(codes: reference.codes)
                .read(path: file.path, displayName: file.displayName, year: input.year, into: counter)
            let year = s.collectionYear.map { " \($0)" } ?? ""
            detected = "CIN census\(year), LA \(s.laCode.isEmpty ? "?" : s.laCode), \(s.children) children"
        case .ssda903 where file.path.lowercased().hasSuffix(".xml"):
            // The XML form (EXPSSDA903) holds every table of a child in one file.
            let s = try SSDA903XMLReader(codes: reference.codes)
                .read(path: file.path, displayName: file.displayName, year: input.year, into: counter)
            ssda903Table = SSDA903XMLReader.returnFormName
            detected = "SSDA903 XML \(s.collectionYear) (year from \(s.yearSource)), \(s.children) children"
        case .ssda903:
            let s = try SSDA903Reader(codes: reference.codes)
                .read(path: file.path, displayName: file.displayName, year: input.year, into: counter)
            let converted = s.encoding == "utf-8" || s.encoding == "utf-8-bom" ? "" : ", converted from \(s.encoding)"
            ssda903Table = s.table.rawValue
            detected = "SSDA903 \(s.table.rawValue) \(s.collectionYear) (year from \(s.yearSource)), \(s.rows) rows\(converted)"
        case .mapped:
            guard let mapping = input.mapping else {
                preconditionFailure("the loader gives every mapped input its mapping")
            }
            let s = try MappedReader(export: mapping)
                .read(path: file.path, displayName: file.displayName, into: counter)
            let filtered = s.filteredOut > 0 ? ", \(s.filteredOut) left out by its filter" : ""
            detected = "\(s.format.uppercased()) export through \(mapping.mappingFile) into \(mapping.table.name), \(s.rows) rows\(filtered)"
        case .audits:
            guard let columns = input.auditColumns else {
                preconditionFailure("the loader gives every audits input its columns")
            }
            let s = try AuditsReader(columns: columns)
                .read(path: file.path, displayName: file.displayName, into: counter)
            let thematic = s.withoutChild > 0 ? " (\(s.withoutChild) without a child)" : ""
            detected = "case-audit export, \(s.rows) rows: \(s.audits) audits\(thematic), \(s.grades) domain grades"
        case .annexA:
            // Codes are checked in, and care leavers filed under, the year of the run's as-of date.
            let year = input.year ?? CollectionYear(containing: asOf)
            let s = try AnnexAReader(codes: reference.codes)
                .read(path: file.path, displayName: file.displayName, year: year, into: counter)
            let lists = s.lists.map { "\($0.list.rawValue) (\($0.rows) rows)" }.joined(separator: ", ")
            detected = "Annex A workbook, \(s.collectionYear), lists \(lists)"
        }
        return InputFileSummary(detected: detected, records: counter.records, issues: counter.issues,
                                ssda903Table: ssda903Table)
    }
}
