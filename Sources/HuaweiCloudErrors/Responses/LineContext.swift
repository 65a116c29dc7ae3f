/// The status and request id a log line gives around the error it holds: what logging code,
/// terraform-provider-huaweicloud and the SDKs write next to a body. Each search is a linear scan
/// of the line.
struct LineContext {
  var status: Int?
  var requestID: String?

  init(_ line: UnsafeBufferPointer<UInt8>) {
    status = Self.status(in: line)
    requestID = Self.requestID(in: line)
  }

  /// Markers followed by a status, ignoring case: `status=400`, `status_code: 400`, `status code 400`,
  /// `statusCode=400`, `httpStatusCode: 400`, `ResponseCode: 400`, `HTTP 400`, `HTTP/1.1 400`,
  /// terraform's `but got 400 instead`.
  private static let statusMarkers: [StaticString] = [
    "status_code", "statuscode", "status code", "status", "responsecode", "http/1.1", "http/1.0", "http/2", "http",
    "but got",
  ]

  /// terraform-provider-huaweicloud's messages that name their status by words only.
  private static let statusPhrases: [(phrase: StaticString, status: Int)] = [
    ("bad request with: [", 400), ("action forbidden: [", 403), ("resource not found: [", 404),
    ("too many requests: [", 429), ("internal server error: [", 500),
  ]

  private static func status(in line: UnsafeBufferPointer<UInt8>) -> Int? {
    for marker in statusMarkers {
      var from = 0
      while let found = find(marker, in: line, from: from) {
        from = found + 1
        // The marker is a word of its own: `status` is not the end of `pstatus`.
        if found > 0, isWordByte(line[found - 1]) { continue }
        var position = found + marker.utf8CodeUnitCount
        // `"status_code": 400`, `status=400`, `HTTP 400`.
        while position < line.count, " \"':=".utf8.contains(line[position]) { position += 1 }
        guard position + 3 <= line.count else { continue }
        var value = 0
        for offset in 0..<3 {
          let digit = line[position + offset] &- UInt8(ascii: "0")
          guard digit < 10 else {
            value = -1
            break
          }
          value = value * 10 + Int(digit)
        }
        guard (100...599).contains(value) else { continue }
        if position + 3 < line.count, line[position + 3] &- UInt8(ascii: "0") < 10 { continue }
        return value
      }
    }
    for (phrase, status) in statusPhrases where find(phrase, in: line, from: 0) != nil { return status }
    return nil
  }

  /// `request_id: abc`, `requestId=abc`, `RequestId: abc`, `X-Request-Id: abc`, `"request_id":"abc"`:
  /// the value is letters, digits and `-_.*`, and neither `null` nor `None`.
  private static func requestID(in line: UnsafeBufferPointer<UInt8>) -> String? {
    for marker: StaticString in ["request_id", "requestid", "request-id"] {
      var from = 0
      while let found = find(marker, in: line, from: from) {
        from = found + 1
        var position = found + marker.utf8CodeUnitCount
        while position < line.count, line[position] == UInt8(ascii: "\"") || line[position] == UInt8(ascii: "'") {
          position += 1
        }
        guard position < line.count, line[position] == UInt8(ascii: ":") || line[position] == UInt8(ascii: "=")
        else { continue }
        position += 1
        while position < line.count, " \"'".utf8.contains(line[position]) { position += 1 }
        var end = position
        while end < line.count, isWordByte(line[end]) || "-.*".utf8.contains(line[end]) { end += 1 }
        guard end > position else { continue }
        let value = String(decoding: UnsafeBufferPointer(rebasing: line[position..<end]), as: UTF8.self)
        if value == "null" || value == "None" { continue }
        return value
      }
    }
    return nil
  }

  private static func isWordByte(_ byte: UInt8) -> Bool {
    LenientText.lowercased(byte) &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10
      || byte == UInt8(ascii: "_")
  }

  /// The first position at or after `from` of `needle` (lower-case ASCII), ignoring case.
  private static func find(_ needle: StaticString, in line: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
    Bytes.firstIndex(of: needle, in: line, from: from, ignoringCase: true)
  }
}
