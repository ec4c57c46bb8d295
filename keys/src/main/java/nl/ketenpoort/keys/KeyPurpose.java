package nl.ketenpoort.keys;

import java.util.regex.Pattern;

/**
 * What a signing key signs; each purpose has one active key of its own, and its key id
 * bound to the purpose in the encryption of the private part.
 *
 * @param code lower-case words joined by hyphens, e.g. {@code consent-statement}
 */
public record KeyPurpose(String code) {

	private static final Pattern CODE = Pattern.compile("[a-z]+(-[a-z]+)*");

	/** The signed consent statements of the consent registry. */
	public static final KeyPurpose CONSENT_STATEMENT = new KeyPurpose("consent-statement");

	/** The gateway's signed audit checkpoints and pruning statements. */
	public static final KeyPurpose AUDIT_CHECKPOINT = new KeyPurpose("audit-checkpoint");

	/**
	 * The gateway's audit checkpoints as C2SP signed notes (Ed25519,
	 * {@link NoteKeyRing}), which witnesses check and co-sign.
	 */
	public static final KeyPurpose AUDIT_NOTE = new KeyPurpose("audit-note");

	/** The gateway's access and ID tokens ({@code /oauth2/jwks}). */
	public static final KeyPurpose TOKEN_SIGNING = new KeyPurpose("token-signing");

	/** The gateway's client assertions at upstream OpenID providers. */
	public static final KeyPurpose CLIENT_ASSERTION = new KeyPurpose("client-assertion");

	public KeyPurpose {
		if (!CODE.matcher(code).matches()) {
			throw new IllegalArgumentException("A key purpose is lower-case words joined by hyphens: " + code);
		}
	}

}
