// URLSession's response types live in FoundationNetworking on Linux, which links libcurl; this
// small module keeps that out of the core library for services that never use URLSession.
import Foundation
@_exported import HuaweiCloudErrors

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

extension HuaweiCloudError {
  /// The error a `URLSession` response carries, or `nil` when it is not an error; see
  /// ``HuaweiCloudError/init(status:headers:body:options:)`` for what counts as one.
  public init?(data: Data, response: HTTPURLResponse, options: ParsingOptions = ParsingOptions()) {
    self.init(status: response.statusCode, headers: response.headerPairs, body: data, options: options)
  }

  /// Throws the error a `URLSession` response carries; returns when it is not an error.
  public static func check(
    data: Data, response: URLResponse, options: ParsingOptions = ParsingOptions()
  ) throws(HuaweiCloudError) {
    guard let response = response as? HTTPURLResponse else { return }
    if let error = HuaweiCloudError(data: data, response: response, options: options) { throw error }
  }
}

extension HTTPURLResponse {
  /// The header fields as name-value pairs.
  fileprivate var headerPairs: [(name: String, value: String)] {
    allHeaderFields.compactMap { key, value in
      guard let name = key as? String else { return nil }
      return (name: name, value: value as? String ?? String(describing: value))
    }
  }
}
