"""Exports of the question bank to other study tools (`quiz export`)."""
