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

  /// A node: its texts' range in `texts`, its children's in `edges`.
  private struct Node {
    var textStart: Int32
    var textEnd: Int32
    var edgeStart: Int32
    var edgeEnd: Int32
  }

  /// An edge to a child, labelled with the bytes of the builder's chain of nodes that hold no
  /// text and have one child each (path compression): a walk compares them in one run.
  private struct Edge {
    var firstByte: UInt8
    var labelStart: Int32
    var labelCount: Int32
    var node: Int32
  }

  private let nodes: [Node]
  private let edges: [Edge]
  private let labels: [UInt8]
  private let texts: [Int32]

  init(_ builder: Builder) {
    var nodes: [Node] = []
    var edges: [Edge] = []
    var labels: [UInt8] = []
    var texts: [Int32] = []
    // Breadth first, so that a node's edges are contiguous: each entry is a builder node whose
    // compressed node is `nodes[position]`.
    var queue = [0]
    var position = 0
    while position < queue.count {
      let node = builder.nodes[queue[position]]
      let textStart = Int32(texts.count)
      texts += node.texts.map { Int32($0) }
      let edgeStart = Int32(edges.count)
      for child in node.children {
        let labelStart = labels.count
        labels.append(child.byte)
        var end = child.node
        while builder.nodes[end].texts.isEmpty, builder.nodes[end].children.count == 1 {
          labels.append(builder.nodes[end].children[0].byte)
          end = builder.nodes[end].children[0].node
        }
        edges.append(
          Edge(
            firstByte: child.byte, labelStart: Int32(labelStart), labelCount: Int32(labels.count - labelStart),
            node: Int32(queue.count)))
        queue.append(end)
      }
      nodes.append(
        Node(textStart: textStart, textEnd: Int32(texts.count), edgeStart: edgeStart, edgeEnd: Int32(edges.count)))
      position += 1
    }
    self.nodes = nodes
    self.edges = edges
    self.labels = labels
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
    nodes.withUnsafeBufferPointer { nodes in
      edges.withUnsafeBufferPointer { edges in
        labels.withUnsafeBufferPointer { labels in
          texts.withUnsafeBufferPointer { texts in
            var node = 0
            var depth = 0
            while true {
              for index in Int(nodes[node].textStart)..<Int(nodes[node].textEnd) { body(Int(texts[index])) }
              guard depth < count else { return }
              let next = byte(depth)
              var found = -1
              for index in Int(nodes[node].edgeStart)..<Int(nodes[node].edgeEnd) where edges[index].firstByte == next {
                found = index
                break
              }
              guard found >= 0 else { return }
              let edge = edges[found]
              let labelCount = Int(edge.labelCount)
              // Texts sit only at the ends of edges: a message that ends inside one reaches none.
              guard depth + labelCount <= count else { return }
              let labelStart = Int(edge.labelStart)
              for offset in 1..<labelCount where labels[labelStart + offset] != byte(depth + offset) { return }
              node = Int(edge.node)
              depth += labelCount
            }
          }
        }
      }
    }
  }
}
