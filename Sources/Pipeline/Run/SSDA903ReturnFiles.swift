import CSCCore
import Extractors

extension SSDA903XMLReader {
    /// What the manifest and the integrity checks call an XML-form file.
    static let returnFormName = "EXPSSDA903"

    /// The records of one 903 file as the integrity checks take them: a CSV
    /// file is one 903 table already; an XML-form file holds them all, so its
    /// records are split back into the tables the CSV form would have had.
    /// Adoptions are left out of the XML split: AD1 and PlacedAdoption rows
    /// both become `adoptions` records and cannot be told apart afterwards.
    static func integrityTables(table: String, records: [Record]) -> [(table: String, records: [Record])] {
        guard table == returnFormName else { return [(table, records)] }
        // The tables whose records tell which 903 table they came from (UASC and AD1 share theirs).
        let split: [SSDA903Table] = [.header, .episodes, .reviews, .missing, .oc3, .oc2, .prevPerm]
        let tableNames = Dictionary(uniqueKeysWithValues: split.map { ($0.canonicalTable, $0.rawValue) })
        let grouped = Dictionary(grouping: records.filter { tableNames[$0.table] != nil }, by: \.table)
        return CanonicalTable.allCases.compactMap { t in
            guard let name = tableNames[t], let rows = grouped[t] else { return nil }
            return (name, rows)
        }
    }
}
