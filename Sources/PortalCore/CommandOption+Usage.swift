extension [CommandOption] {
    /// One line per option, `--name` then its help, the helps aligned in one column. The
    /// placeholders stay in the synopsis: some are long lists of the values allowed.
    public var helpLines: [String] {
        let width = map(\.name.count).max() ?? 0
        return map { option in
            "--" + option.name + String(repeating: " ", count: width - option.name.count + 2) + option.help
        }
    }
}
