/// The CodeArtifact stage of the cabatch pipeline (see DESIGN.md).
enum CodeArtifactModule {}
