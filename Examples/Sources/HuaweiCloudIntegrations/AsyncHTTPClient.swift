import AsyncHTTPClient
import HuaweiCloudErrors
import NIOCore

extension HTTPClientResponse {
  /// The body, after throwing the `HuaweiCloudError` the response carries, if any.
  ///
  /// `HTTPHeaders` is a sequence of `(name: String, value: String)`, which the library reads as is.
  public func huaweiCloudCheckedBody(host: String? = nil, upTo limit: Int = 1 << 20) async throws -> ByteBuffer {
    let body = try await self.body.collect(upTo: limit)
    try HuaweiCloudError.check(
      status: Int(status.code), headers: headers, body: body.readableBytesView, host: host)
    return body
  }
}
