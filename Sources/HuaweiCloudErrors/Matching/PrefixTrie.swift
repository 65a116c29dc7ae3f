/// The texts with placeholders, by the literal text they start with (in lenient form), so that a
/// message is tried only against the templates whose opening words it starts with: walking the
/// message's first bytes down the trie collects them.
struct PrefixTrie: Sendable {
  private struct Node: Sendable {
    var children: [(byte: UInt8, node: Int)] = []
    var texts: [Int] = []
  }

  private var nodes = [Node()]

  /// Adds text `index`, whose lenient form starts with `prefix`.
  mutating func insert(_ prefix: [UInt8], text index: Int) {
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

  /// Calls `body` with every text whose prefix `bytes` starts with, shortest prefix first.
  func forEachText(startingAtPrefixOf bytes: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Void) {
    var node = 0
    var depth = 0
    while true {
      for text in nodes[node].texts { body(text) }
      guard depth < bytes.count, let child = nodes[node].children.first(where: { $0.byte == bytes[depth] }) else {
        return
      }
      node = child.node
      depth += 1
    }
  }
}
