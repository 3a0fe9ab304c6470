import Foundation
import ZIPFoundation

/// Writes small .xlsx workbooks for tests: sheets given as `<sheetData>` XML,
/// shared strings and styles as lists, zipped with ZIPFoundation.
struct XLSXTestWorkbook {
    var sheets: [(name: String, rows: String)] = []
    var sharedStrings: [String] = []
    /// Cell styles (`s="i"`): each a built-in or custom number format id.
    var styleFormats: [Int] = [0]
    /// Custom number formats: id → format code.
    var customFormats: [Int: String] = [:]
    var date1904 = false

    static func folder() -> String {
        let path = NSTemporaryDirectory() + "xlsx-tests-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Writes the workbook and returns its path.
    func write(named name: String = "book.xlsx", in folder: String = XLSXTestWorkbook.folder()) throws -> String {
        let path = folder + "/" + name
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        func add(_ part: String, _ text: String) throws {
            let data = Data(text.utf8)
            try archive.addEntry(with: part, type: .file, uncompressedSize: Int64(data.count),
                                 compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        try add("[Content_Types].xml", #"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#)
        try add("_rels/.rels", #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#)
        var workbook = #"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="\#(main)" xmlns:r="\#(rel)">"#
        workbook += date1904 ? #"<workbookPr date1904="1"/>"# : "<workbookPr/>"
        workbook += "<sheets>"
        var rels = #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        for (i, sheet) in sheets.enumerated() {
            workbook += #"<sheet name="\#(Self.escaped(sheet.name))" sheetId="\#(i + 1)" r:id="rId\#(i + 1)"/>"#
            rels += #"<Relationship Id="rId\#(i + 1)" Type="\#(rel)/worksheet" Target="worksheets/sheet\#(i + 1).xml"/>"#
            try add("xl/worksheets/sheet\(i + 1).xml",
                    #"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="\#(main)"><sheetData>\#(sheet.rows)</sheetData></worksheet>"#)
        }
        workbook += "</sheets></workbook>"
        rels += #"<Relationship Id="rIdS" Type="\#(rel)/sharedStrings" Target="sharedStrings.xml"/>"#
        rels += #"<Relationship Id="rIdT" Type="\#(rel)/styles" Target="/xl/styles.xml"/></Relationships>"#
        try add("xl/workbook.xml", workbook)
        try add("xl/_rels/workbook.xml.rels", rels)
        var sst = #"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="\#(main)">"#
        for s in sharedStrings { sst += s.hasPrefix("<") ? "<si>\(s)</si>" : "<si><t>\(Self.escaped(s))</t></si>" }
        try add("xl/sharedStrings.xml", sst + "</sst>")
        var styles = #"<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="\#(main)"><numFmts>"#
        for (id, code) in customFormats { styles += #"<numFmt numFmtId="\#(id)" formatCode="\#(Self.escaped(code))"/>"# }
        styles += #"</numFmts><cellStyleXfs><xf numFmtId="14"/></cellStyleXfs><cellXfs>"#
        for f in styleFormats { styles += #"<xf numFmtId="\#(f)" fontId="0"/>"# }
        try add("xl/styles.xml", styles + "</cellXfs></styleSheet>")
        return path
    }

    static func escaped(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }
}
