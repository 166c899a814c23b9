/// The Manifest stage of the cabatch pipeline (see DESIGN.md).
enum ManifestModule {}
