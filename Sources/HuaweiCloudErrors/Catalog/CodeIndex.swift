/// Finds a code's catalog position in constant time without allocating.
///
/// Every catalog code is a service prefix and up to twelve digits (`PM.02150010`) or, for IAM,
/// bare digits (`1100`). Such a code packs losslessly into a 64-bit key — service, bare-or-not,
/// digit count (leading zeros matter) and value — so the lookup parses the code once and probes
/// an open-addressing table of keys; no string is hashed or compared. Anything else — other
/// prefixes, letters after the dot, a letter-case difference, more than 64 bytes — is not a
/// catalog code and is rejected while parsing.
struct CodeIndex: Sendable {
  /// Codes longer than this are never catalog codes, so they are rejected unread.
  static let maximumCodeLength = 64

  private let keys: [UInt64]
  private let positions: [UInt16]
  private let mask: Int
  private let prefixes: [[UInt8]]
  private let bareService: Int?

  init(codes: [String], services: [CatalogStorage.ServiceRecord]) {
    prefixes = services.map { Array($0.codePrefix.utf8) }
    bareService = services.firstIndex { $0.acceptsBareNumbers }
    var capacity = 16
    while capacity < codes.count * 2 { capacity *= 2 }
    var keys = [UInt64](repeating: 0, count: capacity)
    var positions = [UInt16](repeating: 0, count: capacity)
    mask = capacity - 1
    for (position, code) in codes.enumerated() {
      guard let key = Self.key(code, prefixes: prefixes, bareService: bareService) else {
        preconditionFailure("catalog code \(code) has no key")  // the generator only emits valid codes
      }
      var slot = Self.slot(key, mask: mask)
      while keys[slot] != 0 { slot = (slot + 1) & mask }
      keys[slot] = key
      positions[slot] = UInt16(position)
    }
    self.keys = keys
    self.positions = positions
  }

  /// The catalog position of `code`, or `nil`.
  func position(of code: String) -> Int? {
    guard let key = Self.key(code, prefixes: prefixes, bareService: bareService) else { return nil }
    var slot = Self.slot(key, mask: mask)
    while true {
      let found = keys[slot]
      if found == key { return Int(positions[slot]) }
      if found == 0 { return nil }
      slot = (slot + 1) & mask
    }
  }

  /// The catalog position of a code whose service prefix differs from the catalog's only in
  /// letter case (`Iam.0004`), or `nil`.
  func position(ofPrefixCaseInsensitive code: String) -> Int? {
    guard code.utf8.count <= Self.maximumCodeLength, let dot = code.utf8.firstIndex(of: UInt8(ascii: ".")) else {
      return nil
    }
    let prefix = code.utf8[...dot]
    guard
      let canonical = prefixes.first(where: { candidate in
        candidate.elementsEqual(prefix) { LenientText.lowercased($0) == LenientText.lowercased($1) }
      })
    else { return nil }
    return position(of: String(decoding: canonical, as: UTF8.self) + String(code[code.utf8.index(after: dot)...]))
  }

  private static func slot(_ key: UInt64, mask: Int) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
  }

  /// The key of a well-formed code: bits 48… the service ordinal plus one, bit 47 set for bare
  /// digits, bits 40…43 the digit count, bits 0…39 the value. `nil` for anything else.
  static func key(_ code: String, prefixes: [[UInt8]], bareService: Int?) -> UInt64? {
    let utf8 = code.utf8
    guard !utf8.isEmpty, utf8.count <= maximumCodeLength else { return nil }
    if let key = utf8.withContiguousStorageIfAvailable({ key($0, prefixes: prefixes, bareService: bareService) }) {
      return key
    }
    return key(Array(utf8), prefixes: prefixes, bareService: bareService)
  }

  private static func key(
    _ bytes: some RandomAccessCollection<UInt8>, prefixes: [[UInt8]], bareService: Int?
  )
    -> UInt64?
  {
    var service: Int
    var digitsStart = bytes.startIndex
    var bare: UInt64 = 0
    if let first = bytes.first, first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9") {
      guard let bareService else { return nil }
      service = bareService
      bare = 1 << 47
    } else {
      guard let matched = prefixes.firstIndex(where: { bytes.starts(with: $0) }) else { return nil }
      service = matched
      digitsStart = bytes.index(bytes.startIndex, offsetBy: prefixes[matched].count)
    }
    let digitCount = bytes.distance(from: digitsStart, to: bytes.endIndex)
    guard digitCount > 0, digitCount <= 12 else { return nil }
    var value: UInt64 = 0
    for byte in bytes[digitsStart...] {
      let digit = byte &- UInt8(ascii: "0")
      guard digit < 10 else { return nil }
      value = value * 10 + UInt64(digit)
    }
    return UInt64(service + 1) << 48 | bare | UInt64(digitCount) << 40 | value
  }
}
