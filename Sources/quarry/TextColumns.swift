extension String {
    /// The text followed by spaces up to `width` characters (never cut): a column of a plain-text table.
    func padded(to width: Int) -> String { padding(toLength: max(width, count), withPad: " ", startingAt: 0) }
}
