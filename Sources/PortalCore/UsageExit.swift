import Glibc

/// How every executable but `portal-admin` answers its command line: `--help` prints the usage
/// on stdout and exits 0; a wrong argument prints why and the usage on stderr and exits 64
/// (EX_USAGE), before anything is opened or started.
public enum UsageExit {
    public static func help(_ usage: String) -> Never {
        _ = usage.withCString { write(1, $0, strlen($0)) }
        exit(0)
    }

    public static func refuse(_ name: String, _ message: String, usage: String) -> Never {
        let text = "\(name): \(message)\n" + usage
        _ = text.withCString { write(2, $0, strlen($0)) }
        exit(64)
    }
}
