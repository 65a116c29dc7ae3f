// URLSession's response types live in FoundationNetworking on Linux, which links libcurl; this
// small module keeps that out of the core library for services that never use URLSession.
import Foundation
@_exported import HuaweiCloudErrors

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

extension HuaweiCloudError {
  /// The error a `URLSession` response carries, or `nil` when it is not an error; see
  /// ``HuaweiCloudError/init(status:headers:body:service:host:options:)-(_,Sequence<(String,String)>,_,_,_,_)``
  /// for what counts as one.
  ///
  /// The response's host names the service that answered (`ecs.ap-southeast-1.myhuaweicloud.com`
  /// is ECS), so that a code several services document resolves to the right one; `service`,
  /// when given, decides instead.
  public init?(
    data: Data, response: HTTPURLResponse, service: HuaweiCloudService? = nil,
    options: ParsingOptions = ParsingOptions()
  ) {
    self.init(
      status: response.statusCode, headers: response.headerPairs, body: data, service: service,
      host: response.url?.host, options: options)
  }

  /// Throws the error a `URLSession` response carries; returns when it is not an error (or not an
  /// HTTP response). See ``init(data:response:service:options:)``.
  public static func check(
    data: Data, response: URLResponse, service: HuaweiCloudService? = nil, options: ParsingOptions = ParsingOptions()
  ) throws(HuaweiCloudError) {
    guard let response = response as? HTTPURLResponse else { return }
    if let error = HuaweiCloudError(data: data, response: response, service: service, options: options) { throw error }
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
