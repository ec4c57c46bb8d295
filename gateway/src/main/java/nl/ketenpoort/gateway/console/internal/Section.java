package nl.ketenpoort.gateway.console.internal;

import java.util.List;
import java.util.Set;

import nl.ketenpoort.gateway.identity.Actor;
import nl.ketenpoort.gateway.identity.Role;
import nl.ketenpoort.gateway.portal.PageForbidden;

/**
 * A part of the console and the roles that may use it; the home page and the menu show
 * only the parts of the reader's roles.
 *
 * @param key message key and name of the part
 * @param path where it starts
 * @param roles the roles that may use it
 */
record Section(String key, String path, Set<Role> roles) {

	static final Section CONSENT = new Section("consent", "/console/consents",
			Set.of(Role.CASE_MANAGER, Role.CLIENT_MANAGER));

	static final Section DOCUMENTS = new Section("documents", "/console/documents",
			Set.of(Role.CASE_MANAGER, Role.CLIENT_MANAGER));

	static final Section MANDATES = new Section("mandates", "/console/mandates", Set.of(Role.CASE_MANAGER));

	static final Section AUDIT = new Section("audit", "/console/audit", Set.of(Role.PRIVACY_OFFICER));

	static final Section OVERVIEW = new Section("overview", "/console/audit/overview", Set.of(Role.PRIVACY_OFFICER));

	static final Section OPERATIONS = new Section("operations", "/console/operations", Set.of(Role.OPERATOR));

	static final List<Section> ALL = List.of(CONSENT, DOCUMENTS, MANDATES, AUDIT, OVERVIEW, OPERATIONS);

	boolean allows(Actor actor) {
		return this.roles.stream().anyMatch(actor::hasRole);
	}

	/**
	 * The actor, if their role includes this part.
	 * @throws PageForbidden otherwise
	 */
	Actor require(Actor actor) {
		if (!allows(actor)) {
			throw new PageForbidden();
		}
		return actor;
	}

	static List<Section> of(Actor actor) {
		return ALL.stream().filter((section) -> section.allows(actor)).toList();
	}

}
