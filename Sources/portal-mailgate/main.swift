import Glibc
import PortalCore
import PortalHandlers
import PortalMailGate

// portal-mailgate: reads one e-mail on standard input and adds it to its ticket (or refuses
// it), as Postfix's pipe, Exim's pipe transport, procmail or fetchmail --mda deliver it.
// `--recipient ADDRESS` names the envelope recipient (Postfix: ${recipient}).
// Exit 0: decided (added, refused and answered, ignored, duplicate); 75 (EX_TEMPFAIL): the
// mail server keeps the message and tries again later (the database locked, the disk full,
// the settings unreadable); 65 (EX_DATAERR): the gate failed on this message in a way that
// trying again would repeat, so the mail server returns it to its sender; 64: bad usage.

signal(SIGPIPE, SIG_IGN)
var envelope: [String] = []
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    if argument == "--recipient", let value = arguments.popFirst() {
        envelope.append(value)
    } else if argument == "--help" || argument == "-h" {
        UsageExit.help(Text.Console.mailGateUsage)
    } else {
        UsageExit.refuse("portal-mailgate", Text.Console.unknownArgument(argument), usage: Text.Console.mailGateUsage)
    }
}

do {
    let config = try Config.load()
    let limit = config.mailGateMaxBytes
    // One byte past the limit tells a message that is too large; the rest is not read.
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while bytes.count <= limit {
        let count = read(0, &buffer, buffer.count)
        if count < 0 && errno == EINTR { continue }
        if count <= 0 { break }
        bytes.append(contentsOf: buffer[0..<count])
    }
    let truncated = bytes.count > limit
    if truncated { bytes.removeLast(bytes.count - limit) }
    let services = try Services(config: config)
    do {
        try MailGate(services: services).deliver(bytes, truncated: truncated, envelope: envelope, now: Clock.now())
    } catch where !MailGate.mayPassLater(error) {
        Log.event("mailgate_failed_message", [("error", "\(error)")])
        exit(65)
    }
    exit(0)
} catch {
    Log.event("mailgate_failed", [("error", "\(error)")])
    exit(75)
}
