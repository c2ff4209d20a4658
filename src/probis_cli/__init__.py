"""probis: Peta Proses Bisnis, RPJMD links and SOP AP for Indonesian local government."""

__version__ = "0.1.0"
