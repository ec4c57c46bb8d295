package nl.ketenpoort.gateway.identity;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import nl.ketenpoort.consent.Consent;
import nl.ketenpoort.gateway.partner.Partner;
import nl.ketenpoort.gateway.partner.Partners;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The one place that decides which people's data a person may see and change: a status
 * holder their own, a case manager or client manager the consents whose route starts or
 * ends at their own organisation, a privacy officer the audit events their organisation
 * took part in, and an operator none.
 */
// Controllers ask this policy instead of checking roles and organisations themselves; the
// filter chains in SecurityConfiguration decide only which roles reach an endpoint at
// all.
@Component
public class AccessPolicy {

	private static final Logger logger = LoggerFactory.getLogger(AccessPolicy.class);

	private final Partners partners;

	AccessPolicy(Partners partners) {
		this.partners = partners;
	}

	/**
	 * Whether the actor may see, and so revoke, this consent: a status holder their own
	 * (or, acting for someone under a mandate, only the represented person's), a case
	 * manager or client manager one whose sender or one of whose recipients is a partner
	 * system of their own organisation.
	 */
	public boolean maySee(Actor actor, Consent consent) {
		if (actor.hasRole(Role.STATUS_HOLDER)
				&& actor.dataSubject().filter(consent.subject().pseudonym()::equals).isPresent()) {
			return true;
		}
		if (isProfessional(actor)) {
			List<String> own = ownPartners(actor);
			boolean touches = Stream.concat(Stream.of(consent.from()), consent.to().stream()).anyMatch(own::contains);
			if (!touches) {
				logger.debug("Refused a consent to a {}: its route neither starts nor ends at their organisation",
						actor);
			}
			return touches;
		}
		logger.debug("Refused a consent to {}: it is neither their own nor on a route of their organisation", actor);
		return false;
	}

	/** The consents among these that the actor may see. */
	public List<Consent> visible(Actor actor, List<Consent> consents) {
		return consents.stream().filter((consent) -> maySee(actor, consent)).toList();
	}

	/**
	 * Whether the actor may look up a status holder other than themself: case managers
	 * and client managers, who then see only what {@link #maySee} allows.
	 */
	public boolean mayLookUpStatusHolders(Actor actor) {
		if (!isProfessional(actor)) {
			logger.debug("Refused a look-up of a status holder to {}: not a case or client manager", actor);
			return false;
		}
		return true;
	}

	/**
	 * The audit events a privacy officer may see: those their organisation took part in;
	 * empty for everyone else.
	 */
	public Optional<EventScope> organisationEvents(Actor actor) {
		if (!actor.hasRole(Role.PRIVACY_OFFICER) || actor.organisation().isEmpty()) {
			logger.debug("Refused the audit log to {}: not a privacy officer of an organisation", actor);
			return Optional.empty();
		}
		return Optional.of(EventScope.ofOrganisation(actor.organisation().get(), ownPartners(actor)));
	}

	/**
	 * The audit events about a status holder, for that status holder (or their
	 * representative while the mandate holds); empty for everyone else.
	 */
	public Optional<EventScope> ownEvents(Actor actor) {
		if (!actor.hasRole(Role.STATUS_HOLDER) || actor.dataSubject().isEmpty()) {
			logger.debug("Refused own events to {}: not a status holder", actor);
			return Optional.empty();
		}
		return Optional.of(EventScope.ofSubject(actor.dataSubject().get()));
	}

	/** The partner systems run by the actor's organisation; none without one. */
	public List<String> ownPartners(Actor actor) {
		String organisation = actor.organisation().orElse(null);
		if (organisation == null) {
			return List.of();
		}
		return this.partners.all()
			.stream()
			.filter((partner) -> partner.organisation().equals(organisation))
			.map(Partner::id)
			.toList();
	}

	private static boolean isProfessional(Actor actor) {
		return actor.hasRole(Role.CASE_MANAGER) || actor.hasRole(Role.CLIENT_MANAGER);
	}

	/**
	 * Which audit events a reader may see: those about one subject, or those in which a
	 * partner system of one organisation took part (as sender or as one of the
	 * recipients) or which a person of that organisation caused.
	 *
	 * @param subject the subject pseudonym, for a status holder's own view
	 * @param organisation the organisation code, for a privacy officer
	 * @param partners the partner systems of that organisation
	 */
	public record EventScope(@Nullable String subject, @Nullable String organisation, List<String> partners) {

		public EventScope {
			partners = List.copyOf(partners);
		}

		static EventScope ofSubject(String subject) {
			return new EventScope(subject, null, List.of());
		}

		static EventScope ofOrganisation(String organisation, List<String> partners) {
			return new EventScope(null, organisation, partners);
		}

		/**
		 * Whether a partner of this scope sent, or is one of the recipients of, an event;
		 * consent events name several recipients joined by commas.
		 */
		public boolean tookPart(@Nullable String sender, @Nullable String recipients) {
			if (sender != null && this.partners.contains(sender)) {
				return true;
			}
			return recipients != null
					&& Stream.of(recipients.split(",")).map(String::strip).anyMatch(this.partners::contains);
		}

	}

}
