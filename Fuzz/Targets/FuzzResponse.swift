// libFuzzer target: response parsing. Input: 2 bytes of status, 1 byte choosing a header layout,
// then the body. Checks, beyond not crashing: the status and request id come back as given; a
// message read from a JSON body that parses is one of the body's own strings or numbers; a
// plain-text message is the body's trimmed text; the 2xx rule holds.
import Foundation
import HuaweiCloudErrors

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzResponse(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = UnsafeBufferPointer(start: data, count: size)
  guard bytes.count >= 3 else { return 0 }
  let status = Int(bytes[0]) * 4 + Int(bytes[1] % 4) - 100  // -100…923: odd statuses too
  let requestID = bytes[2] % 2 == 0 ? nil : "req-\(bytes[2])"
  var headers: [(name: String, value: String)] = [(name: "Content-Type", value: "application/json")]
  if let requestID { headers.append((name: bytes[2] % 4 == 1 ? "x-request-id" : "X-Request-Id", value: requestID)) }
  let body = Array(bytes.dropFirst(3))
  let limit = bytes[2] >= 0xF0 ? 16 : 1 << 20
  let error = HuaweiCloudError(status: status, headers: headers, body: body, options: .init(maximumBodySize: limit))
  guard let error else {
    // Not an error: only below 400.
    precondition(status < 400, "status \(status) gave no error")
    return 0
  }
  precondition(error.statusCode == status)
  precondition(error.requestIDs.header == requestID)
  if status < 400 {
    let entries = error.code?.entries ?? []
    precondition(!entries.isEmpty && !entries.contains(where: \.isSuccess), "a non-error below 400")
  }
  if let entry = error.entry, error.resolution == .code {
    // A code's entry is that code's, never another's.
    precondition(error.code?.entries.contains(entry) == true, "a code resolved to another code's entry")
  }
  // A code that is an HTTP status (Keystone's `"code": 401`) names no error: the message decides.
  if let code = error.code, !code.isDocumented, !isHTTPStatus(code.rawValue) {
    precondition(error.entry == nil, "an undocumented code has an entry")
  }
  if status >= 400 { precondition(error.entry?.isSuccess != true, "a success entry for an error") }
  precondition(error.details.count <= 64, "details beyond the bound")
  guard !error.isBodyTruncated else { return 0 }
  switch error.bodyFormat {
  case HuaweiCloudError.BodyFormat.json:
    // Foundation's parser as an independent oracle (it refuses some bodies this library repairs,
    // such as invalid UTF-8 inside strings: those are not checked).
    guard let value = try? JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed]) else { break }
    var strings: Set<String> = []
    collect(value, into: &strings)
    if let message = error.message {
      // An object without error fields is its own message, as the SDKs report it.
      let isWholeBody =
        error.code == nil
        && message == String(decoding: body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
      precondition(strings.contains(message) || Double(message) != nil || isWholeBody, "message not from the body")
    }
    if let code = error.code?.rawValue {
      precondition(strings.contains(code) || Double(code) != nil, "code not from the body")
    }
    for detail in error.details {
      for value in [detail.code, detail.message].compactMap({ $0 }) {
        precondition(strings.contains(value) || Double(value) != nil, "a detail not from the body")
      }
    }
  case HuaweiCloudError.BodyFormat.text:
    let text = Data(String(decoding: body, as: UTF8.self).utf8)
    if let message = error.message {
      precondition(text.range(of: Data(message.utf8)) != nil, "text message not from the body")
    }
  case HuaweiCloudError.BodyFormat.empty:
    precondition(error.message == nil && error.code == nil)
  default:
    break
  }
  return 0
}

func isHTTPStatus(_ code: String) -> Bool {
  code.utf8.count == 3 && Int(code).map { (100...599).contains($0) } == true
}

/// Every string in a decoded JSON value.
func collect(_ value: Any, into strings: inout Set<String>) {
  if let text = value as? String {
    strings.insert(text)
  } else if let array = value as? [Any] {
    for element in array { collect(element, into: &strings) }
  } else if let object = value as? [String: Any] {
    for element in object.values { collect(element, into: &strings) }
  }
}
