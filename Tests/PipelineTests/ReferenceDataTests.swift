import CSCCore
import Foundation
import Pipeline
import Testing

/// A reference folder that lacks a file, or has one that is wrong, stops the run before any data is read.
struct ReferenceDataTests {
    /// A copy of the bundled reference folder with `annex-a-codes.csv` replaced (nil: removed).
    private func folder(annexACodes: String?) throws -> Workspace {
        let workspace = try Workspace()
        try FileManager.default.copyItem(atPath: packageRoot + "/pipelines/reference", toPath: workspace.path + "/reference")
        let file = workspace.path + "/reference/annex-a-codes.csv"
        try FileManager.default.removeItem(atPath: file)
        if let annexACodes { try annexACodes.write(toFile: file, atomically: true, encoding: .utf8) }
        return workspace
    }

    private func loadError(annexACodes: String?) throws -> ReferenceDataError {
        let workspace = try folder(annexACodes: annexACodes)
        return try #require(throws: ReferenceDataError.self) { try ReferenceData.load(folder: workspace.path + "/reference") }
    }

    @Test("the bundled reference folder loads")
    func bundled() throws {
        _ = try ReferenceData.load(folder: packageRoot + "/pipelines/reference")
    }

    @Test("a missing annex-a-codes.csv is named")
    func missingAnnexACodes() throws {
        let error = try loadError(annexACodes: nil)
        #expect(error.file.hasSuffix("/reference/annex-a-codes.csv"))
        #expect(error.message.contains("cannot be opened"))
    }

    @Test("a header without field, canonical and code is refused on line 1")
    func badHeader() throws {
        let error = try loadError(annexACodes: "field,value\ngender,M\n")
        #expect(error.line == 1)
        #expect(error.message.contains("`field`, `canonical` and `code`"))
    }

    @Test("an unknown field is refused on its line, with the fields that exist")
    func unknownField() throws {
        let error = try loadError(annexACodes: "field,canonical,code\ngender,M,a) Male\ngendre,F,b) Female\n")
        #expect(error.line == 3)
        #expect(error.message.contains("unknown field `gendre`"))
        #expect(error.message.contains("gender"))
    }
}
