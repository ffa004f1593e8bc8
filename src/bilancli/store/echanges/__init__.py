"""What the store holds of one bilan for its beneficiary's copy."""
