import Foundation

/// Where the shared fixtures and the calibration council live:
/// `<package root>/../shared`. Tests that need them are skipped, with a
/// message, when the folder is absent.
enum SharedTestData {
    /// The package root, found from this file's own path.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // ExtractorsTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    static let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")

    /// `<package root>/../shared/fixtures/cin`, or nil when absent.
    static let cinFixtures: URL? = folder("fixtures/cin")

    /// `<package root>/../shared/calibration`, or nil when absent.
    static let calibration: URL? = folder("calibration")

    static var hasCINFixtures: Bool { cinFixtures != nil }
    static var hasCalibration: Bool { calibration != nil }

    private static func folder(_ relative: String) -> URL? {
        let url = shared.appendingPathComponent(relative)
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) && isFolder.boolValue ? url : nil
    }

    /// The XML files of the CIN fixtures folder, sorted by name.
    static func cinFixtureFiles() throws -> [URL] {
        guard let folder = cinFixtures else { return [] }
        return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "xml" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }
}
