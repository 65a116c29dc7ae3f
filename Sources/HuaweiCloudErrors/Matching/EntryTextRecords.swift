/// What the message index keeps of each entry, one record an entry: a header (its texts, and its
/// own plain text's row and length) and the own plain text's bytes right after it.
///
/// A response whose message is its entry's own text, the most common case, reads the record and
/// compares the bytes: laid out together, and placed so that a record of up to 64 bytes never
/// straddles two cache lines, that is one line of memory where a table of headers and a table of
/// texts would be two or three. The catalog is megabytes, read in no order, so each line is a miss.
///
/// One of the library's unsafe fast paths, like `CodeIndex`: the records are in one buffer aligned
/// to a cache line, allocated once for the life of the process and written only in `init`; every
/// read is at an offset `init` wrote.
struct EntryTextRecords: @unchecked Sendable {  // written only in `init`
  struct Header {
    /// The entry's texts: a range of the index's `texts`, which holds each entry's texts together.
    var texts: Range<Int32>
    /// The row of the entry's own plain text: its own text where that has no placeholders and no
    /// other text of the entry reads the same (the entry's own row); -1 with none.
    var ownPlainRow: Int32
    /// The length of its lenient form, which ranks a match of it: so that the match is made from
    /// the record alone.
    var ownPlainLiteralLength: Int32
    /// The own plain text's length in bytes, which follow the header; 0 with none.
    var ownPlainCount: Int32
  }

  private let base: UnsafeMutableRawPointer
  /// Where each entry's record starts in the buffer, by catalog position.
  private let offsets: [Int32]

  /// The records of the entries, in catalog order: each header, and its own plain text (empty for
  /// none). The header's `ownPlainCount` is set here, from the text.
  init(_ records: [(header: Header, ownPlain: [UInt8])]) {
    let headerSize = MemoryLayout<Header>.size
    let alignment = MemoryLayout<Header>.alignment
    var offsets: [Int32] = []
    offsets.reserveCapacity(records.count)
    var size = 0
    for record in records {
      let length = headerSize + record.ownPlain.count
      // A record that fits in a line but would cross into the next starts at the next line.
      if length <= 64, size % 64 + length > 64 { size = (size + 63) & ~63 }
      offsets.append(Int32(size))
      size = (size + length + alignment - 1) & ~(alignment - 1)
    }
    precondition(size <= Int(Int32.max), "the message index's entry records do not fit")
    let base = UnsafeMutableRawPointer.allocate(byteCount: max(size, 1), alignment: 64)
    base.initializeMemory(as: UInt8.self, repeating: 0, count: max(size, 1))
    for (record, offset) in zip(records, offsets) {
      var header = record.header
      header.ownPlainCount = Int32(record.ownPlain.count)
      (base + Int(offset)).storeBytes(of: header, as: Header.self)
      record.ownPlain.withUnsafeBytes {
        guard let source = $0.baseAddress else { return }
        (base + Int(offset) + headerSize).copyMemory(from: source, byteCount: $0.count)
      }
    }
    self.base = base
    self.offsets = offsets
  }

  /// The header of the entry at catalog position `index`.
  @inline(__always)
  func header(_ index: Int) -> Header {
    (base + Int(offsets[index])).load(as: Header.self)
  }

  /// The own plain text of the entry at `index`, whose header is `header`; empty with none.
  @inline(__always)
  func ownPlainBytes(_ index: Int, _ header: Header) -> UnsafeBufferPointer<UInt8> {
    UnsafeBufferPointer(
      start: (base + Int(offsets[index]) + MemoryLayout<Header>.size).assumingMemoryBound(to: UInt8.self),
      count: Int(header.ownPlainCount))
  }
}
