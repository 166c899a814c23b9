/// The Report stage of the cabatch pipeline (see DESIGN.md).
enum ReportModule {}
