/// Where each 903 table's fields sit in an `EXPSSDA903` file.
///
/// The HEADER holds the Header, UASC, AD1 and OC3 fields side by side, and
/// groups for the tables with several rows per child (AMISSING, AREVIEW,
/// AD_PLACED) or one optional block (OC2, PERMANENCE); each EPISODE is one
/// Episodes row. Two fields are named differently from the CSV: CHILDID (CHILD)
/// and PL (PLACE).
enum SSDA903XMLLayout {
    static let root = "EXPSSDA903"
    static let child = "CHILD"
    static let header = "HEADER"
    static let episode = "EPISODE"

    /// The HEADER's own fields, in schema order.
    static let headerFields = [
        "CHILDID", "UPN", "SEX", "DOB", "ETHNIC", "UASC", "DUC",
        "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR",
        "IN_TOUCH", "ACTIV", "ACCOM", "MOTHER", "MC_DOB",
    ]

    /// The HEADER's groups, each a row of a 903 table.
    static let groups: [(element: String, table: SSDA903Table)] = [
        ("AMISSING", .missing), ("AREVIEW", .reviews), ("AD_PLACED", .placedAdoption),
        ("OC2", .oc2), ("PERMANENCE", .prevPerm),
    ]

    /// The tables read from the HEADER's own fields.
    static let headerTables: [SSDA903Table] = [.header, .ad1, .oc3]

    /// The element that holds a 903 CSV column.
    static func element(_ column: String) -> String {
        switch column {
        case "CHILD": "CHILDID"
        case "PLACE": "PL"
        default: column
        }
    }

    /// The row of a group or an EPISODE: the table's columns, by element name.
    static func rowNames(_ table: SSDA903Table) -> [String] { table.columns.map(element) }

    /// A HEADER-based table's columns, found among the HEADER's fields.
    static func headerColumns(_ table: SSDA903Table) -> SSDA903Columns {
        SSDA903Columns(table: table, indices: table.columns.map { column in
            guard let i = headerFields.firstIndex(of: element(column)) else {
                preconditionFailure("HEADER has no field for \(table.rawValue).\(column)")
            }
            return i
        })
    }

    /// A group's or EPISODE's columns: the row holds them in the table's order.
    static func rowColumns(_ table: SSDA903Table) -> SSDA903Columns {
        SSDA903Columns(table: table, indices: Array(table.columns.indices))
    }

    /// HEADER fields whose presence means the child has a row in `table`.
    static func marks(_ table: SSDA903Table) -> [Int] {
        let columns: [String] = switch table {
        case .ad1: ["DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"]
        case .oc3: ["IN_TOUCH", "ACTIV", "ACCOM"]
        default: []
        }
        return columns.compactMap { headerFields.firstIndex(of: $0) }
    }

    static func headerField(_ name: String) -> Int {
        guard let i = headerFields.firstIndex(of: name) else { preconditionFailure("HEADER has no field \(name)") }
        return i
    }
}
