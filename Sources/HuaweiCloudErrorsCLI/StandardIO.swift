#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The process's own standard input, output and error, read and written as raw bytes so that
/// binary input cannot trip a text decoder.
package struct StandardIO: ToolIO, Sendable {
  private var input = DescriptorReader(descriptor: 0)

  package init() {}

  package mutating func write(_ text: String) {
    Self.write(text, to: 1)
  }

  package mutating func writeError(_ text: String) {
    Self.write(text, to: 2)
  }

  private static func write(_ text: String, to descriptor: Int32) {
    var text = text
    text.withUTF8 { bytes in
      var offset = 0
      while offset < bytes.count {
        let written = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          return  // a closed pipe: nothing more can be said
        }
        offset += written
      }
    }
  }

  package mutating func readLine(limit: Int) -> (bytes: [UInt8], truncated: Bool)? {
    input.readLine(limit: limit)
  }

  package mutating func readAll(limit: Int) -> (bytes: [UInt8], truncated: Bool) {
    input.readAll(limit: limit)
  }
}

// The C functions under names that the methods above do not shadow.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
  write(descriptor, bytes, count)
}
