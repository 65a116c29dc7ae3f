// libFuzzer target: matching a message. Input: 1 byte of hints, then the message. Checks, beyond
// not crashing and not hanging: values are cut from the message (empty only in a strict template
// match); a strict template match renders back to the message exactly, a lenient one to the same
// lenient form, a detail match starts with its documented text; one match per entry; whole-message
// fits before detail matches, each group ranked by literal length.
import Foundation
import HuaweiCloudErrors

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMatch(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = UnsafeBufferPointer(start: data, count: size)
  guard let hints = bytes.first else { return 0 }
  let message = String(decoding: bytes.dropFirst(), as: UTF8.self)
  let services = HuaweiCloudService.allCases
  let service = hints & 0x08 == 0 ? nil : services[Int(hints) % services.count]
  let statuses = [nil, 200, 400, 401, 403, 404, 409, 429, 500]
  let status = statuses[Int(hints >> 4) % statuses.count]
  let matches = HuaweiCloudCatalog.matches(for: message, service: service, status: status)
  var entries: Set<CatalogEntry> = []
  var previousLength = Int.max
  var inDetails = false
  for match in matches {
    precondition(entries.insert(match.entry).inserted, "an entry twice")
    if match.kind == .detail, !inDetails {
      inDetails = true
      previousLength = Int.max
    }
    precondition(match.kind == .detail || !inDetails, "a whole-message fit after a detail match")
    precondition(match.literalLength <= previousLength, "not ranked by literal length")
    previousLength = match.literalLength
    for (_, value) in match.arguments {
      // Bytes, not characters: a value is cut at scalar boundaries, which may fall inside a
      // grapheme cluster of the message (a combining mark after a literal space).
      // Only a strict fit may leave a value empty (a server's `[]`); it then renders back exactly.
      guard !value.isEmpty else {
        precondition(match.kind == .template && !match.isLenient, "an empty value in a lenient or detail match")
        continue
      }
      precondition(Data(message.utf8).range(of: Data(value.utf8)) != nil, "a value not cut from the message")
    }
    if match.kind == .detail {
      precondition(lenient(message).starts(with: lenient(match.row.message!)), "a detail match without its text")
      continue
    }
    let rendered = match.row.template!.render(match.arguments)
    if match.isLenient {
      precondition(lenient(rendered) == lenient(message), "lenient match does not render back")
    } else {
      precondition(rendered == message, "strict match does not render back: \(rendered.debugDescription)")
    }
  }
  return 0
}

/// The lenient form, written independently of the library: ASCII letters lowercased, whitespace
/// runs one space, no whitespace at the ends, one trailing period dropped.
func lenient(_ text: String) -> [UInt8] {
  func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
  var bytes = Array(text.utf8)
  while let last = bytes.last, isSpace(last) { bytes.removeLast() }
  if bytes.last == UInt8(ascii: ".") { bytes.removeLast() }
  while let last = bytes.last, isSpace(last) { bytes.removeLast() }
  var output: [UInt8] = []
  var space = false
  for byte in bytes {
    if isSpace(byte) {
      space = !output.isEmpty
      continue
    }
    if space { output.append(0x20) }
    space = false
    output.append((0x41...0x5A).contains(byte) ? byte | 0x20 : byte)
  }
  return output
}
