-- The private key of a stored signing key is wrapped with the key-encryption key of the configuration
-- (FINANCE_SIGNING_KEY_ENCRYPTION_KEY), so that a copy of the database alone cannot sign tokens: private_key is then
-- a 12-byte nonce followed by the AES-256-GCM ciphertext and tag of the PKCS#8 key, its kid bound as associated data.
-- wrapped_with is the id (fingerprint) of the key-encryption key that wrapped it; null for a key stored unwrapped
-- before this migration, which the service wraps at its next start.
alter table signing_keys add column wrapped_with text;
