import CSCCore

/// Turns one CHILD's gathered elements into canonical records with the 903
/// CSV reader's own table loaders, so both forms give the same records and
/// the same issues.
struct SSDA903XMLLoading {
    let file: String
    private let lines: SSDA903XMLIssueLines
    private let headerFields, ad1Fields, oc3Fields: SSDA903Fields
    private let rowFields: [SSDA903Table: SSDA903Fields]
    private let headerLoader: SSDA903HeaderLoader
    private let ad1Loader: SSDA903AD1Loader
    private let oc3Loader: SSDA903CareLeaversLoader
    private let episodesLoader: SSDA903EpisodesLoader
    private let reviewsLoader: SSDA903ReviewsLoader
    private let missingLoader: SSDA903MissingLoader
    private let placedLoader: SSDA903PlacedAdoptionLoader
    private let oc2Loader: SSDA903OC2Loader
    private let permanenceLoader: SSDA903PrevPermLoader
    private let ad1Marks = SSDA903XMLLayout.marks(.ad1)
    private let oc3Marks = SSDA903XMLLayout.marks(.oc3)
    private let childID = SSDA903XMLLayout.headerField("CHILDID")
    private let birth = SSDA903XMLLayout.headerField("DOB")
    private let uasc = SSDA903XMLLayout.headerField("UASC")
    private let duc = SSDA903XMLLayout.headerField("DUC")
    private let uascColumn = CanonicalTable.children.index(of: "uasc")
    private(set) var records = 0

    init(file: String, codes: SSDA903YearCodes, sink: RecordSink) {
        self.file = file
        let lines = SSDA903XMLIssueLines(sink)
        self.lines = lines
        func fields(_ table: SSDA903Table, _ names: [String]) -> SSDA903Fields {
            SSDA903Fields(file: file, table: table, names: names, codes: codes, sink: lines)
        }
        let header = SSDA903XMLLayout.headerFields
        headerFields = fields(.header, header)
        ad1Fields = fields(.ad1, header)
        oc3Fields = fields(.oc3, header)
        var rowFields: [SSDA903Table: SSDA903Fields] = [:]
        for table in SSDA903XMLLayout.groups.map(\.table) + [.episodes] {
            rowFields[table] = fields(table, SSDA903XMLLayout.rowNames(table))
        }
        self.rowFields = rowFields
        headerLoader = SSDA903HeaderLoader(SSDA903XMLLayout.headerColumns(.header))
        ad1Loader = SSDA903AD1Loader(SSDA903XMLLayout.headerColumns(.ad1))
        oc3Loader = SSDA903CareLeaversLoader(SSDA903XMLLayout.headerColumns(.oc3))
        episodesLoader = SSDA903EpisodesLoader(SSDA903XMLLayout.rowColumns(.episodes))
        reviewsLoader = SSDA903ReviewsLoader(SSDA903XMLLayout.rowColumns(.reviews))
        missingLoader = SSDA903MissingLoader(SSDA903XMLLayout.rowColumns(.missing))
        placedLoader = SSDA903PlacedAdoptionLoader(SSDA903XMLLayout.rowColumns(.placedAdoption))
        oc2Loader = SSDA903OC2Loader(SSDA903XMLLayout.rowColumns(.oc2))
        permanenceLoader = SSDA903PrevPermLoader(SSDA903XMLLayout.rowColumns(.prevPerm))
    }

    /// Loads one CHILD: its `children` row, AD1 and OC3 rows when the HEADER
    /// has their fields, then its groups and episodes in document order.
    /// `childLine` stands in for a missing HEADER's line.
    mutating func load(header: SSDA903XMLRow, rows: [(table: SSDA903Table, row: SSDA903XMLRow)], childLine: Int) {
        let id = header.trimmedString(at: childID)
        if id.isEmpty {
            let line = header.lines[childID] > 0 ? header.lines[childID] : (header.line > 0 ? header.line : childLine)
            lines.report(Issue(.missingChildID, dataset: SSDA903Table.header.dataset, file: file, line: line,
                               column: "CHILDID",
                               message: "the CHILD has no CHILDID, so none of its records can be loaded"))
            return
        }
        lines.row = header
        var fields = headerFields
        fields.line = header.line
        fields.childID = id
        var values = headerLoader.values(header, fields)
        fields.flag(header, uasc)
        let flag = header.trimmedString(at: uasc)
        if flag == "0" || flag == "1" { values[uascColumn] = flag }
        fields.checkDate(header, duc)
        send(.children, values, header.line)
        if header.hasValue(in: ad1Marks) {
            send(.adoptions, ad1Loader.values(header, with(ad1Fields, header, id)), header.line)
        }
        if header.hasValue(in: oc3Marks) {
            send(.care_leavers, oc3Loader.values(header, with(oc3Fields, header, id)), header.line)
        }
        for (table, gathered) in rows {
            var row = gathered
            row.copy(0, from: header, childID)
            if table != .episodes { row.copy(1, from: header, birth) }
            lines.row = row
            guard let template = rowFields[table] else { continue }
            let f = with(template, row, id)
            let values: [String]? = switch table {
            case .episodes: episodesLoader.values(row, f)
            case .reviews: reviewsLoader.values(row, f)
            case .missing: missingLoader.values(row, f)
            case .placedAdoption: placedLoader.values(row, f)
            case .oc2: oc2Loader.values(row, f)
            case .prevPerm: permanenceLoader.values(row, f)
            // The HEADER's own tables are loaded above; the XML has no SWEpisodes or DoLo.
            case .header, .uasc, .ad1, .oc3, .swEpisodes, .doLo: nil
            }
            send(table.canonicalTable, values, row.line)
        }
        lines.row = nil
    }

    private func with(_ template: SSDA903Fields, _ row: SSDA903XMLRow, _ id: String) -> SSDA903Fields {
        var f = template
        f.line = row.line
        f.childID = id
        return f
    }

    private mutating func send(_ table: CanonicalTable, _ values: [String]?, _ line: Int) {
        guard let values else { return }
        lines.accept(Record(table: table, values: values, source: SourceLocation(file: file, line: line)))
        records += 1
    }
}
