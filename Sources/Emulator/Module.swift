/// The Emulator stage of the cabatch pipeline (see DESIGN.md).
enum EmulatorModule {}
