import PortalCore
import Testing

@Suite("OptionValues")
struct OptionValuesTests {
    static let declared: [CommandOption] = [
        .required("name", "NAME", help: "the company's name"),
        .required("vat", "PIVA", help: "its P.IVA"),
        .optional("out", "DIR", help: "where to write"),
    ]

    @Test("reads every declared option's value, in any order")
    func values() throws {
        let options = try OptionValues(["--vat", "02019510409", "--out", "", "--name", "ROSSI SRL"], declared: Self.declared)
        #expect(options.required("name") == "ROSSI SRL")
        #expect(options.required("vat") == "02019510409")
        #expect(options.optional("out") == "", "an optional value is kept as given, blank too")
    }

    @Test("an optional option left out has no value")
    func absent() throws {
        let options = try OptionValues(["--name", "X", "--vat", "1"], declared: Self.declared)
        #expect(options.optional("out") == nil)
    }

    @Test("a value may start with dashes: the argument after an option is always its value")
    func dashedValue() throws {
        let options = try OptionValues(["--name", "--vat", "--vat", "1"], declared: Self.declared)
        #expect(options.required("name") == "--vat")
        #expect(options.required("vat") == "1")
    }

    @Test("refuses what the declaration does not allow, saying what is wrong", arguments: [
        (["--name", "X", "--vat", "1", "--bogus", "2"], "argomento inatteso '--bogus'"),
        (["--name", "X", "--vat", "1", "stray"], "argomento inatteso 'stray'"),
        (["-name", "X", "--vat", "1"], "argomento inatteso '-name'"),
        (["--name", "X", "--vat"], "--vat vuole un valore"),
        (["--name", "X", "--vat", "1", "--vat", "2"], "--vat è indicato due volte"),
        (["--name", "X"], "--vat è obbligatorio"),
        ([], "--name è obbligatorio"),
        (["--name", " \t", "--vat", "1"], "--name è obbligatorio"),
    ])
    func refuses(_ arguments: [String], _ message: String) {
        #expect(throws: UsageError(message: message)) { try OptionValues(arguments, declared: Self.declared) }
    }

    @Test("a flag takes no value: given it is on, left out it is off, twice it is refused")
    func flags() throws {
        let declared: [CommandOption] = [.required("from", "FILE", help: ""), .flag("resend-mail", help: "")]
        #expect(try OptionValues(["--resend-mail", "--from", "x"], declared: declared).flag("resend-mail"))
        #expect(try !OptionValues(["--from", "x"], declared: declared).flag("resend-mail"))
        #expect(throws: UsageError(message: "--resend-mail è indicato due volte")) {
            try OptionValues(["--resend-mail", "--resend-mail", "--from", "x"], declared: declared)
        }
        #expect(CommandOption.flag("resend-mail", help: "").synopsis == "[--resend-mail]")
    }

    @Test("a command without options takes no arguments")
    func none() throws {
        _ = try OptionValues([], declared: [])
        #expect(throws: UsageError(message: "argomento inatteso '--x'")) { try OptionValues(["--x", "y"], declared: []) }
    }
}

@Suite("CommandOption usage")
struct CommandOptionUsageTests {
    @Test("the synopsis brackets what may be left out")
    func synopsis() {
        #expect(CommandOption.required("vat", "PIVA", help: "").synopsis == "--vat PIVA")
        #expect(CommandOption.optional("out", "var/www", help: "").synopsis == "[--out var/www]")
    }

    @Test("the help lines align the helps in one column")
    func helpLines() {
        let lines = OptionValuesTests.declared.helpLines
        #expect(lines == ["--name  the company's name", "--vat   its P.IVA", "--out   where to write"])
        #expect([CommandOption]().helpLines.isEmpty)
    }
}
