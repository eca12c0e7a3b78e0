import PortalCore

/// The formatting toolbar's button names, shared by the new-ticket and reply forms.
enum EditorLabels {
    static let toolbar = [
        "bold": Text.toolbarBold, "italic": Text.toolbarItalic, "list": Text.toolbarList,
        "numbered": Text.toolbarNumbered, "link": Text.toolbarLink,
    ]
}
