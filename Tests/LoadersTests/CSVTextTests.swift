import Testing
@testable import Loaders

@Suite struct CSVTextTests {
    @Test func plainFieldsAreWrittenAsIs() {
        #expect(CSVText.field("0012345") == "0012345")
        #expect(CSVText.field("") == "")
        #expect(CSVText.field("RS7 5TF") == "RS7 5TF")
        #expect(CSVText.field("Zoë Ó Briain") == "Zoë Ó Briain")
    }

    @Test func fieldsThatNeedIt_areQuoted() {
        #expect(CSVText.field("Smith, John") == "\"Smith, John\"")
        #expect(CSVText.field("the \"CP\" visit") == "\"the \"\"CP\"\" visit\"")
        #expect(CSVText.field("line one\nline two") == "\"line one\nline two\"")
        #expect(CSVText.field("a\r\nb") == "\"a\r\nb\"")
        #expect(CSVText.field("\"") == "\"\"\"\"")
        #expect(CSVText.field(" leading") == "\" leading\"")
        #expect(CSVText.field("trailing ") == "\"trailing \"")
    }

    @Test func lineJoinsQuotedFields() {
        #expect(CSVText.line(["a", "b,c", "", "d"]) == "a,\"b,c\",,d")
        #expect(CSVText.line([]) == "")
    }

    @Test func bytesAppendedMatchTheStringForm() {
        for value in ["", "x", "a,b", "q\"q", " s", "é,\n"] {
            var buffer: [UInt8] = Array("prefix|".utf8)
            CSVText.append(value, to: &buffer)
            #expect(String(decoding: buffer, as: UTF8.self) == "prefix|" + CSVText.field(value))
        }
    }
}
