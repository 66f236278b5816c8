//! Saved state restored: every state type of apkalpe-payments round-trips through serde, and a saved
//! value edited into an illegal state is refused with a `RestoreError` (issue 13).
