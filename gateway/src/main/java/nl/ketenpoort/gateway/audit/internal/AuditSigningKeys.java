package nl.ketenpoort.gateway.audit.internal;

import java.util.Base64;
import java.util.List;
import java.util.Optional;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import nl.ketenpoort.keys.KeyPurpose;
import nl.ketenpoort.keys.KeyRing;
import nl.ketenpoort.keys.KeyRings;
import nl.ketenpoort.keys.NoteKeyRing;
import nl.ketenpoort.keys.SignedStatement;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The keys that sign audit checkpoints and pruning statements: the
 * {@link KeyPurpose#AUDIT_CHECKPOINT} keys (ES256 JWS statements) and the
 * {@link KeyPurpose#AUDIT_NOTE} keys (Ed25519, the C2SP signed-note checkpoints witnesses
 * co-sign) of the key store (module {@code keys}) under
 * {@code ketenpoort.audit.key-encryption-key}, made once per database so every gateway
 * node signs with them; every key stays published, as kept checkpoints never expire.
 */
@Component
public class AuditSigningKeys {

	private final KeyRing ring;

	private final NoteKeyRing notes;

	private final String origin;

	public AuditSigningKeys(KeyRings keyRings, AuditSettings settings) {
		byte[] keyEncryptionKey = Base64.getDecoder().decode(settings.keyEncryptionKey());
		if (keyEncryptionKey.length != 32) {
			throw new IllegalStateException("ketenpoort.audit.key-encryption-key must be 32 bytes, base64");
		}
		this.ring = keyRings.ring(KeyPurpose.AUDIT_CHECKPOINT, keyEncryptionKey);
		this.notes = keyRings.noteRing(KeyPurpose.AUDIT_NOTE, keyEncryptionKey);
		// a key name and a checkpoint's first line: no spaces, no '+', no newline
		SignedNote.VerifierKey.of(settings.origin(), new byte[32]);
		this.origin = settings.origin();
	}

	/** The audit log's origin, the first line of its checkpoints and their key's name. */
	public String origin() {
		return this.origin;
	}

	/** The active note key under the origin's name, to sign a checkpoint note. */
	public SignedNote.Signer noteSigner() {
		NoteKeyRing.Signing signing = this.notes.signing();
		return new SignedNote.Signer(this.origin, signing.privateKey(), signing.key().publicKey());
	}

	/**
	 * The verifier keys of every note key, active first: what outside parties and
	 * witnesses check checkpoint notes with ({@code <origin>+<key id>+<key>}).
	 */
	public List<String> noteVerifierKeys() {
		return this.notes.keys()
			.stream()
			.map((key) -> SignedNote.VerifierKey.of(this.origin, key.publicKey()).encoded())
			.toList();
	}

	/** Starts signing checkpoint notes with a new key; earlier notes verify on. */
	public void rotateNoteKey() {
		this.notes.rotate();
	}

	/**
	 * The checkpoint a note carries, when one of the note keys (active or retired) signed
	 * it under the origin the note names; empty when none did or it is no checkpoint.
	 */
	public Optional<SignedNote.Checkpoint> verifiedCheckpoint(String note) {
		try {
			SignedNote.Note parsed = SignedNote.parse(note);
			SignedNote.Checkpoint checkpoint = SignedNote.Checkpoint.parse(parsed.text());
			for (NoteKeyRing.NoteKey key : this.notes.keys()) {
				if (SignedNote.verify(parsed, SignedNote.VerifierKey.of(checkpoint.origin(), key.publicKey()))) {
					return Optional.of(checkpoint);
				}
			}
			return Optional.empty();
		}
		catch (SignedNote.Malformed ex) {
			return Optional.empty();
		}
	}

	/** The signing key, created on first use. */
	ECKey signingKey() {
		return this.ring.signingKey();
	}

	/** A signed statement: the compact JWS and the id of the key that signed it. */
	public record Statement(String keyId, String jws) {
	}

	/** Signs checkpoint and pruning statements with the audit key (ES256). */
	public Statement sign(JWTClaimsSet claims) {
		SignedStatement signed = this.ring.sign(claims);
		return new Statement(signed.kid(), signed.jws());
	}

	/**
	 * The claims of a statement that the audit key with this id signed with ES256; empty
	 * when the key is unknown, the algorithm another or the signature wrong.
	 */
	public Optional<JWTClaimsSet> verifiedClaims(String jws, String keyId) {
		return this.ring.verify(jws, keyId);
	}

	/** The public key with this id, to verify a checkpoint. */
	@Nullable ECKey publicKey(String keyId) {
		return this.ring.publicKey(keyId).orElse(null);
	}

	/** All public keys, for outside parties that keep checkpoints. */
	public JWKSet publicKeys() {
		return this.ring.published((key) -> true);
	}

}
