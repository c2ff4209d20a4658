"""``probis laporan``: progress of the map per OPD and for the Pemda (nothing printed here)."""
