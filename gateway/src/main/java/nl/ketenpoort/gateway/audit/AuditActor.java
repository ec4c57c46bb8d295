package nl.ketenpoort.gateway.audit;

import java.util.UUID;

import nl.ketenpoort.gateway.identity.Actor;
import org.jspecify.annotations.Nullable;

/**
 * Who acted (NEN 7513 "who"): a partner system, a person by opaque user id, or the
 * gateway itself; for a representative also the mandate under which they acted for the
 * event's subject ("for whom").
 *
 * @param kind {@code partner}, {@code person} or {@code system}
 * @param id client id, user id (never a name) or {@code ketenpoort}
 * @param role the role the actor acted in
 * @param organisation the actor's organisation code
 * @param mandate the mandate concerned: the one under which a representative acted for
 * the event's subject, or the one a case manager recorded, revoked or was refused
 */
public record AuditActor(String kind, String id, @Nullable String role, @Nullable String organisation,
		@Nullable UUID mandate) {

	/** The gateway acting on its own (delivery, expiry, purge). */
	public static final AuditActor SYSTEM = new AuditActor("system", "ketenpoort", null, null);

	/** An actor without a mandate. */
	public AuditActor(String kind, String id, @Nullable String role, @Nullable String organisation) {
		this(kind, id, role, organisation, null);
	}

	/**
	 * The actor as the audit log records it: a partner by client id, a person by user id
	 * with the first of their roles (sorted, so the record does not depend on set order)
	 * and, when they act for someone they represent, the mandate. This is the one place
	 * where every event learns who acted for whom.
	 */
	public static AuditActor of(Actor actor) {
		if (actor.isPartner()) {
			return partner(actor.id(), actor.organisation().orElse(null));
		}
		String role = actor.roles().stream().sorted().findFirst().map(Enum::name).orElse(null);
		return person(actor.id(), role, actor.organisation().orElse(null)).withMandate(actor.mandate().orElse(null));
	}

	public static AuditActor partner(String clientId, @Nullable String organisation) {
		return new AuditActor("partner", clientId, "partner", organisation);
	}

	public static AuditActor person(String userId, @Nullable String role, @Nullable String organisation) {
		return new AuditActor("person", userId, role, organisation);
	}

	/** This actor with the mandate an event concerns. */
	public AuditActor withMandate(@Nullable UUID mandate) {
		return new AuditActor(this.kind, this.id, this.role, this.organisation, mandate);
	}

}
