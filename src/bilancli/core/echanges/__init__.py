"""What comes in and goes out: the spreadsheet import, the beneficiary's copy."""
