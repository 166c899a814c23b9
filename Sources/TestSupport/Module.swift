/// The TestSupport stage of the cabatch pipeline (see DESIGN.md).
enum TestSupportModule {}
