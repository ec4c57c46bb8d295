package nl.ketenpoort.gateway.audit;

import org.jspecify.annotations.Nullable;

/**
 * Who acted (NEN 7513 "who"): a partner system, a person by opaque user id, or the
 * gateway itself.
 *
 * @param kind {@code partner}, {@code person} or {@code system}
 * @param id client id, user id (never a name) or {@code ketenpoort}
 * @param role the role the actor acted in
 * @param organisation the actor's organisation code
 */
public record AuditActor(String kind, String id, @Nullable String role, @Nullable String organisation) {

	/** The gateway acting on its own (delivery, expiry, purge). */
	public static final AuditActor SYSTEM = new AuditActor("system", "ketenpoort", null, null);

	public static AuditActor partner(String clientId, String organisation) {
		return new AuditActor("partner", clientId, "partner", organisation);
	}

	public static AuditActor person(String userId, String role, @Nullable String organisation) {
		return new AuditActor("person", userId, role, organisation);
	}

}
