/// The tool's version, written into every run manifest.
public enum CSCPipeVersion {
    public static let current = "0.1.0"
}
