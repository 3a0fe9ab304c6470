import CSCCore

/// The small XML parts of a workbook around its sheets: content types,
/// relationships, document properties, the workbook (sheet list) and the
/// styles. Each is a few hundred bytes, built whole at `close()`.
enum XLSXPackageParts {
    /// A sheet as the workbook part lists it.
    struct SheetEntry {
        let name: String
        /// `A2:F100`, when the sheet has an autofilter.
        let autoFilterRange: String?
    }

    static let declaration: StaticString = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    static func worksheetPath(_ number: Int) -> String { "xl/worksheets/sheet\(number).xml" }

    static func contentTypes(sheetCount: Int) -> [UInt8] {
        var out = bytes(declaration)
        out += bytes("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">")
        out += bytes("<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>")
        out += bytes("<Default Extension=\"xml\" ContentType=\"application/xml\"/>")
        out += bytes("<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>")
        for n in 1..<(sheetCount + 1) {
            out += Array("<Override PartName=\"/\(worksheetPath(n))\" ".utf8)
            out += bytes("ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>")
        }
        out += bytes("<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>")
        out += bytes("<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>")
        out += bytes("<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>")
        out += bytes("</Types>\n")
        return out
    }

    static func packageRelationships() -> [UInt8] {
        relationships([
            (officeDocument + "/officeDocument", "xl/workbook.xml"),
            (package + "/metadata/core-properties", "docProps/core.xml"),
            (officeDocument + "/extended-properties", "docProps/app.xml"),
        ])
    }

    /// Created and modified on `day` at midnight UTC, never the clock, so the
    /// same rows give the same bytes.
    static func coreProperties(creator: String, day: Day) -> [UInt8] {
        let stamp = Array("\(day.iso)T00:00:00Z".utf8)
        var out = bytes(declaration)
        out += bytes("<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" ")
        out += bytes("xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" ")
        out += bytes("xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">")
        out += bytes("<dc:creator>")
        XLSXXMLText.appendContent(creator, to: &out)
        out += bytes("</dc:creator><dcterms:created xsi:type=\"dcterms:W3CDTF\">")
        out += stamp
        out += bytes("</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">")
        out += stamp
        out += bytes("</dcterms:modified></cp:coreProperties>\n")
        return out
    }

    static func extendedProperties(application: String) -> [UInt8] {
        var out = bytes(declaration)
        out += bytes("<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" ")
        out += bytes("xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\"><Application>")
        XLSXXMLText.appendContent(application, to: &out)
        out += bytes("</Application></Properties>\n")
        return out
    }

    /// The sheet list, in tab order, and the hidden `_FilterDatabase` name
    /// Excel keeps for each sheet's autofilter.
    static func workbook(sheets: [SheetEntry]) -> [UInt8] {
        var out = bytes(declaration)
        out += bytes("<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" ")
        out += bytes("xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">")
        out += bytes("<workbookPr/><bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>")
        for (i, sheet) in sheets.enumerated() {
            out += bytes("<sheet name=\"")
            XLSXXMLText.appendAttribute(sheet.name, to: &out)
            out += Array("\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>".utf8)
        }
        out += bytes("</sheets>")
        let filters = sheets.enumerated().compactMap { i, s in s.autoFilterRange.map { (i, s.name, $0) } }
        if !filters.isEmpty {
            out += bytes("<definedNames>")
            for (i, name, range) in filters {
                out += Array("<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(i)\" hidden=\"1\">".utf8)
                XLSXXMLText.appendContent(absoluteReference(sheet: name, range: range), to: &out)
                out += bytes("</definedName>")
            }
            out += bytes("</definedNames>")
        }
        out += bytes("</workbook>\n")
        return out
    }

    static func workbookRelationships(sheetCount: Int) -> [UInt8] {
        relationships((1..<(sheetCount + 1)).map { (officeDocument + "/worksheet", "worksheets/sheet\($0).xml") }
            + [(officeDocument + "/styles", "styles.xml")])
    }

    private static let package = "http://schemas.openxmlformats.org/package/2006/relationships"
    private static let officeDocument = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// A relationships part listing `targets` in order, with ids `rId1`, `rId2`, ….
    private static func relationships(_ targets: [(type: String, target: String)]) -> [UInt8] {
        var out = bytes(declaration)
        out += Array("<Relationships xmlns=\"\(package)\">".utf8)
        for (i, r) in targets.enumerated() {
            out += Array("<Relationship Id=\"rId\(i + 1)\" Type=\"\(r.type)\" Target=\"\(r.target)\"/>".utf8)
        }
        out += bytes("</Relationships>\n")
        return out
    }

    /// Three cell styles (`<cellXfs>`): 0 plain, 1 bold (title and headings),
    /// 2 a date shown `dd/mm/yyyy` (custom format 164, the first id Excel
    /// leaves for workbooks' own formats), matching `XLSXWorksheetPart`.
    static func styles() -> [UInt8] {
        var out = bytes(declaration)
        out += bytes("<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">")
        out += bytes("<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/></numFmts>")
        out += bytes("<fonts count=\"2\">")
        out += bytes("<font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>")
        out += bytes("<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>")
        out += bytes("</fonts>")
        out += bytes("<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>")
        out += bytes("<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>")
        out += bytes("<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>")
        out += bytes("<cellXfs count=\"3\">")
        out += bytes("<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>")
        out += bytes("<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>")
        out += bytes("<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>")
        out += bytes("</cellXfs>")
        out += bytes("<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>")
        out += bytes("<dxfs count=\"0\"/><tableStyles count=\"0\" defaultTableStyle=\"TableStyleMedium2\" defaultPivotStyle=\"PivotStyleLight16\"/>")
        out += bytes("</styleSheet>\n")
        return out
    }

    /// `'List 1'!$A$2:$F$100`: the sheet name quoted (apostrophes doubled)
    /// as formulas need it, the range made absolute.
    static func absoluteReference(sheet: String, range: String) -> String {
        let quoted = "'" + sheet.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
        let corners = range.split(separator: ":").map { corner -> String in
            let letters = corner.prefix { $0.isLetter }
            return "$\(letters)$\(corner.dropFirst(letters.count))"
        }
        return quoted + "!" + corners.joined(separator: ":")
    }

    private static func bytes(_ s: StaticString) -> [UInt8] {
        s.withUTF8Buffer { Array($0) }
    }
}
