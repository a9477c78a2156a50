"""Test tools shared by several test folders (the loopback OpenAI-compatible server)."""
