@testable import CSCCore
import Testing

struct EmptyValuesTests {
    @Test("every length, literal or not, gives that many empty values")
    func lengths() {
        for count in 0...(EmptyValues.literalLimit + 3) {
            let values = EmptyValues.make(count: count)
            #expect(values.count == count)
            #expect(values.allSatisfy { $0.isEmpty })
        }
    }

    @Test("every canonical table's empty record has one value per column, and each column's position is its place")
    func tables() {
        for table in CanonicalTable.allCases {
            #expect(table.emptyValues().count == table.columns.count, "\(table)")
            #expect(table.columnCount == table.columns.count, "\(table)")
            // Each table keys on its own id: a table given another's columns would show here.
            let key = table == .adopters ? "adopter_id" : [.audits, .audit_grades].contains(table) ? "audit_id" : "child_id"
            #expect(table.columns.first == key, "\(table)")
            for (i, column) in table.columns.enumerated() { #expect(table.index(of: column) == i, "\(table).\(column)") }
        }
        #expect(Set(CanonicalTable.allCases.map(\.columns)).count == CanonicalTable.allCases.count,
                "no two tables have the same columns")
    }
}
