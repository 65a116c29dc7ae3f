// libFuzzer target: finding errors in log text. Input: the text. Checks, beyond not crashing and
// not hanging: every finding's line is in the text, its code and request id are pieces of it, a
// status read from a line's words is an HTTP status, and the details list stays bounded. The seeds
// hold every line format: JSON, Python, Java blocks with details, ObsException XML, Go OBS,
// terraform's wrappers and statuses near a body.
import Foundation
import HuaweiCloudErrors

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScan(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  let bytes = Data(text.utf8)
  let lineCount = text.split(separator: "\n", omittingEmptySubsequences: false).count
  // A JSON string's escapes decode to text that is not in the input as such.
  let mayHaveEscapes = text.contains("\\")
  for finding in HuaweiCloudLogScanner.findings(in: text) {
    precondition((1...lineCount).contains(finding.line), "line \(finding.line) of \(lineCount)")
    if let code = finding.code?.rawValue, !(finding.format == .json && mayHaveEscapes) {
      precondition(bytes.range(of: Data(code.utf8)) != nil, "a code not from the text")
    }
    if let requestID = finding.requestID, finding.format != .javaSDK, !(finding.format == .json && mayHaveEscapes) {
      precondition(bytes.range(of: Data(requestID.utf8)) != nil, "a request id not from the text")
    }
    precondition(finding.details.count <= 64, "details beyond the bound")
    if let status = finding.status,
      finding.format != .json && finding.format != .javaSDK && finding.format != .pythonSDK
    {
      // A status read from the line's words is an HTTP status.
      precondition((100...599).contains(status), "status \(status) from the line")
    }
    if let entry = finding.entry, let code = finding.code, code.isDocumented {
      precondition(code.entries.contains(entry), "a code resolved to another code's entry")
    }
  }
  return 0
}
