// libFuzzer target: finding errors in log text. Input: the text. Checks, beyond not crashing and
// not hanging: every finding's line is in the text, and its code and request id are pieces of it.
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
    if let entry = finding.entry, let code = finding.code, code.isDocumented {
      precondition(code.entries.contains(entry), "a code resolved to another code's entry")
    }
  }
  return 0
}
