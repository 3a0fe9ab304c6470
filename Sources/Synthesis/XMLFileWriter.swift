import CSCCore

/// The census and export writers stream their XML into a `FileOutput`.
extension FileOutput: XMLByteOutput {}

/// The shared XML writer (`CSCCore.XMLByteWriter`) bound to synth's file output.
typealias XMLByteWriter = CSCCore.XMLByteWriter<FileOutput>
