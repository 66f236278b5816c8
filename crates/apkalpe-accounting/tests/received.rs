//! Received e-invoices: what other senders write, read as sent (issue 12).
