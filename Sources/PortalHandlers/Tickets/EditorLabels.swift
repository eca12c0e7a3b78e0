import PortalCore

/// The formatting editor's words (toolbar buttons, the link field, the pasted-image line),
/// shared by the new-ticket and reply forms.
enum EditorLabels {
    static let toolbar = [
        "bold": Text.toolbarBold, "italic": Text.toolbarItalic, "list": Text.toolbarList,
        "numbered": Text.toolbarNumbered, "link": Text.toolbarLink, "linkAddress": Text.editorLinkAddress,
        "linkApply": Text.editorLinkApply, "linkInvalid": Text.editorLinkInvalid, "pasted": Text.editorImagePasted,
    ]
}
