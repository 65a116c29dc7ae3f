/// Texts by a literal they start with (in lenient form), so that a message is tried only against
/// the texts whose opening words it starts with: walking the message's first bytes down the trie
/// collects them. Filled with reversed literals, it finds the texts a message ends like.
///
/// Built with ``Builder``, then frozen into flat arrays, so that a walk reads contiguous memory
/// and retains nothing.
struct PrefixTrie: Sendable {
  /// The trie while texts are inserted.
  struct Builder {
    fileprivate struct Node {
      var children: [(byte: UInt8, node: Int)] = []
      var texts: [Int] = []
    }

    fileprivate var nodes = [Node()]

    /// Adds text `index`, whose lenient form starts with `prefix`.
    mutating func insert(_ prefix: some Sequence<UInt8>, text index: Int) {
      var node = 0
      for byte in prefix {
        if let child = nodes[node].children.first(where: { $0.byte == byte })?.node {
          node = child
        } else {
          nodes.append(Node())
          nodes[node].children.append((byte, nodes.count - 1))
          node = nodes.count - 1
        }
      }
      nodes[node].texts.append(index)
    }
  }

  /// Per node: its children's range in `childBytes`/`childNodes`, its texts' range in `texts`.
  private let childStart: [Int32]
  private let textStart: [Int32]
  private let childBytes: [UInt8]
  private let childNodes: [Int32]
  private let texts: [Int32]

  init(_ builder: Builder) {
    var childStart: [Int32] = [0]
    var textStart: [Int32] = [0]
    var childBytes: [UInt8] = []
    var childNodes: [Int32] = []
    var texts: [Int32] = []
    for node in builder.nodes {
      for child in node.children {
        childBytes.append(child.byte)
        childNodes.append(Int32(child.node))
      }
      texts += node.texts.map { Int32($0) }
      childStart.append(Int32(childBytes.count))
      textStart.append(Int32(texts.count))
    }
    self.childStart = childStart
    self.textStart = textStart
    self.childBytes = childBytes
    self.childNodes = childNodes
    self.texts = texts
  }

  /// Calls `body` with every text whose prefix `bytes` starts with, shortest prefix first.
  func forEachText(startingAtPrefixOf bytes: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Void) {
    walk(count: bytes.count, byte: { bytes[$0] }, body)
  }

  /// Calls `body` with every text inserted with a reversed literal that `bytes` ends with.
  func forEachText(endingAtSuffixOf bytes: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Void) {
    walk(count: bytes.count, byte: { bytes[bytes.count - 1 - $0] }, body)
  }

  private func walk(count: Int, byte: (Int) -> UInt8, _ body: (Int) -> Void) {
    childStart.withUnsafeBufferPointer { childStart in
      textStart.withUnsafeBufferPointer { textStart in
        childBytes.withUnsafeBufferPointer { childBytes in
          childNodes.withUnsafeBufferPointer { childNodes in
            texts.withUnsafeBufferPointer { texts in
              var node = 0
              var depth = 0
              while true {
                for index in Int(textStart[node])..<Int(textStart[node + 1]) { body(Int(texts[index])) }
                guard depth < count else { return }
                let next = byte(depth)
                var child = -1
                for index in Int(childStart[node])..<Int(childStart[node + 1]) where childBytes[index] == next {
                  child = Int(childNodes[index])
                  break
                }
                guard child >= 0 else { return }
                node = child
                depth += 1
              }
            }
          }
        }
      }
    }
  }
}
