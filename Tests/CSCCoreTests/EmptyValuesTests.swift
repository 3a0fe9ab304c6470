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

    @Test("every canonical table's empty record has one value per column")
    func tables() {
        for table in CanonicalTable.allCases {
            #expect(table.emptyValues().count == table.columns.count, "\(table)")
            #expect(table.columnCount == table.columns.count, "\(table)")
        }
    }
}
