import Foundation
import GRDB
import Testing
@testable import Pipeline

@Suite("KPI connections to the warehouse")
struct KPIConnectionTests {
    @Test("a KPI connection is read-only and reads the warehouse through a memory map")
    func readerConfiguration() throws {
        let ws = try Workspace()
        let path = ws.path + "/warehouse.sqlite"
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "CREATE TABLE children (child_id TEXT); INSERT INTO children VALUES ('A1')")
        }
        let connection = try DatabaseQueue(path: path, configuration: KPIStage.readerConfiguration())
        let (mapped, child) = try connection.read { db in
            (try Int.fetchOne(db, sql: "PRAGMA mmap_size") ?? 0, try String.fetchOne(db, sql: "SELECT child_id FROM children"))
        }
        #expect(mapped > 0)
        #expect(child == "A1")
        #expect(throws: DatabaseError.self) {
            try connection.inDatabase { db in try db.execute(sql: "INSERT INTO children VALUES ('B2')") }
        }
    }
}
