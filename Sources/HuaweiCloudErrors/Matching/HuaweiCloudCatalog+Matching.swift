extension CatalogStorage {
  /// Built from the store alone, not from `indexes`, so that a scan can build it on another thread
  /// while the code index is built.
  static let messageIndex = MessageIndex(entries: store.entries.indices.map(CatalogEntry.init(index:)))
}

extension HuaweiCloudCatalog {
  /// The documented entries whose text (own row or a variant) fits the whole of `message`, best
  /// first, each with the values its placeholders held.
  ///
  /// A placeholder takes one or more characters of any kind. Matching is lenient the way logs
  /// are: letter case, runs of whitespace and a trailing period do not matter, while the values
  /// keep the case they had. Where a text fits no other way, a placeholder may take nothing, as a
  /// server that fills one with an empty string writes it (`The requested resource [] could not
  /// be found.`); that fit is strict, every literal as documented. This search looks for it where
  /// the message is too short to give each placeholder a value; a text left empty at its very end
  /// or start (`Invalid IP format, `), or with other values beside the empty one, is found by
  /// ``CatalogEntry/match(_:status:)`` (and so when a response's code is known).
  ///
  /// Ranking: a fit of the whole message before one with detail after it, then more literal text
  /// (a specific template beats a generic one), then strict fits before lenient ones, then rows
  /// documented with the `status` hint, then entries of the `service` hint, then catalog order.
  /// Identical texts of several codes or services all come back: hints only order, they never
  /// drop a match.
  ///
  /// Time is linear in the message's length whatever it holds; no regular expression is involved.
  ///
  /// - Returns: The matches, best first, one per entry; empty when nothing fits (never a guess),
  ///   and for messages over 4 MiB.
  public static func matches(
    for message: String, service: HuaweiCloudService? = nil, status: Int? = nil
  )
    -> [MessageMatch]
  {
    CatalogStorage.messageIndex.matches(for: message, service: service, status: status)
  }

  /// The best match for `message`, or `nil` when no documented text fits.
  public static func bestMatch(
    for message: String, service: HuaweiCloudService? = nil, status: Int? = nil
  )
    -> MessageMatch?
  {
    matches(for: message, service: service, status: status).first
  }
}

extension CatalogEntry {
  /// How `message` fits this entry's rows (own or variants), or `nil` when it fits none: the
  /// best fit by the ranking of ``HuaweiCloudCatalog/matches(for:service:status:)``, the row
  /// documented with `status` winning a tie. Unlike a catalog-wide match, a text that is only an
  /// HTTP reason phrase fits leniently too: the code is already known.
  public func match(_ message: String, status: Int? = nil) -> MessageMatch? {
    CatalogStorage.messageIndex.match(message, entry: self, status: status)
  }

  /// The own row's message as a template, or `nil` when the table gives no message.
  public var template: MessageTemplate? { row.template }

  /// The own row's message with `arguments` substituted (see ``MessageTemplate/render(_:)``), or
  /// `nil` when the table gives no message.
  public func render(_ arguments: TemplateArguments = [:]) -> String? {
    template?.render(arguments)
  }
}

extension CatalogEntry.Row {
  /// The message as a template, or `nil` when the row has no message.
  public var template: MessageTemplate? { message.map { MessageTemplate($0) } }
}
