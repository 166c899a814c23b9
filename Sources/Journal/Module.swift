/// The Journal stage of the cabatch pipeline (see DESIGN.md).
enum JournalModule {}
