package nl.ketenpoort.gateway.partner;

import java.util.LinkedHashSet;
import java.util.Set;

import nl.ketenpoort.schemas.DocumentType;
import org.jspecify.annotations.Nullable;
import nl.ketenpoort.gateway.partner.internal.PartnerKind;
import nl.ketenpoort.gateway.partner.internal.Permission;

/**
 * A partner system of the chain, as registered in {@code ketenpoort.partners}; its id is
 * also its OAuth2 client id.
 *
 * @param id the partner (and client) id, such as {@code tvs}
 * @param organisation code of the organisation that runs it, such as {@code coa}
 * @param displayName name to show people
 * @param kind the role it plays in the chain
 * @param delivery how documents reach it
 * @param adapter the adapter that maps its native format, such as {@code tvs}
 * @param active whether it may authenticate and exchange documents now
 * @param sends what it may send, for which purpose
 * @param receives what it may receive, for which purpose
 * @param certificateSubject the subject DN of its TLS client certificate in the form
 * {@link javax.security.auth.x500.X500Principal#getName()} gives (RFC 2253), or null when
 * it does not authenticate with {@code tls_client_auth}
 */
public record Partner(String id, String organisation, String displayName, PartnerKind kind, Delivery delivery,
		String adapter, boolean active, Set<Permission> sends, Set<Permission> receives,
		@Nullable String certificateSubject) {

	/** Prefix of the scopes that allow sending a document type. */
	public static final String SEND_SCOPE_PREFIX = "exchange:send:";

	/**
	 * Prefix of the scopes that allow receiving (pulling, acknowledging) a document type.
	 */
	public static final String RECEIVE_SCOPE_PREFIX = "exchange:receive:";

	public Partner {
		sends = Set.copyOf(sends);
		receives = Set.copyOf(receives);
	}

	public boolean maySend(DocumentType documentType, String purpose) {
		return this.active && this.sends.contains(new Permission(documentType, purpose));
	}

	public boolean mayReceive(DocumentType documentType, String purpose) {
		return this.active && this.receives.contains(new Permission(documentType, purpose));
	}

	/**
	 * The OAuth2 scopes this partner may be granted: one per document type and direction,
	 * such as {@code exchange:send:client-profile}.
	 */
	public Set<String> scopes() {
		Set<String> scopes = new LinkedHashSet<>();
		this.sends.forEach((permission) -> scopes.add(sendScope(permission.documentType())));
		this.receives.forEach((permission) -> scopes.add(receiveScope(permission.documentType())));
		return scopes;
	}

	public static String sendScope(DocumentType documentType) {
		return SEND_SCOPE_PREFIX + documentType.code();
	}

	public static String receiveScope(DocumentType documentType) {
		return RECEIVE_SCOPE_PREFIX + documentType.code();
	}

}
