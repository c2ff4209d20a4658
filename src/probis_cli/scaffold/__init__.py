"""Creating and changing a repository's files: init, baru, fmt, ganti-kode (no printing)."""
