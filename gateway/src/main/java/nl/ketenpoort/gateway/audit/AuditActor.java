package nl.ketenpoort.gateway.audit;

import nl.ketenpoort.gateway.identity.Actor;
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

	/**
	 * The actor as the audit log records it: a partner by client id, a person by user id
	 * with the first of their roles (sorted, so the record does not depend on set order).
	 */
	public static AuditActor of(Actor actor) {
		if (actor.isPartner()) {
			return partner(actor.id(), actor.organisation().orElse(null));
		}
		String role = actor.roles().stream().sorted().findFirst().map(Enum::name).orElse(null);
		return person(actor.id(), role, actor.organisation().orElse(null));
	}

	public static AuditActor partner(String clientId, @Nullable String organisation) {
		return new AuditActor("partner", clientId, "partner", organisation);
	}

	public static AuditActor person(String userId, @Nullable String role, @Nullable String organisation) {
		return new AuditActor("person", userId, role, organisation);
	}

}
