import HuaweiCloudErrorsCLI

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

var io = StandardIO()
exit(HuaweiCloudErrorsTool.run(Array(CommandLine.arguments.dropFirst()), io: &io))
