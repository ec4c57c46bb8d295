package nl.ketenpoort.gateway.partner;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

import nl.ketenpoort.adapters.autoconfigure.NativeFormats;
import nl.ketenpoort.schemas.DocumentType;
import org.jspecify.annotations.Nullable;
import nl.ketenpoort.gateway.partner.internal.PartnerKind;
import nl.ketenpoort.gateway.partner.internal.PartnerRegistryInvalid;
import nl.ketenpoort.gateway.partner.internal.PartnerSettings;
import nl.ketenpoort.gateway.partner.internal.Permission;

/**
 * The partner registry: who takes part, and whether a partner may send or receive a
 * document type for a purpose. Whether a particular sender may send to a particular
 * recipient is the purpose catalogue's decision, not this one's.
 */
public class Partners {

	private final Map<String, Partner> partners;

	Partners(Collection<Partner> partners) {
		Map<String, Partner> byId = new LinkedHashMap<>();
		partners.forEach((partner) -> byId.put(partner.id(), partner));
		this.partners = Map.copyOf(byId);
	}

	/** The partner with this id, active or not. */
	public Optional<Partner> find(String id) {
		return Optional.ofNullable(this.partners.get(id));
	}

	/** The active partner with this id. */
	public Optional<Partner> findActive(String id) {
		return find(id).filter(Partner::active);
	}

	public List<Partner> all() {
		return this.partners.values().stream().sorted(java.util.Comparator.comparing(Partner::id)).toList();
	}

	/**
	 * Whether this partner is active and may send this document type for this purpose.
	 */
	public boolean mayPublish(String partnerId, DocumentType documentType, String purpose) {
		return find(partnerId).map((partner) -> partner.maySend(documentType, purpose)).orElse(false);
	}

	/**
	 * Whether this partner is active and may receive this document type for this purpose.
	 */
	public boolean mayReceive(String partnerId, DocumentType documentType, String purpose) {
		return find(partnerId).map((partner) -> partner.mayReceive(documentType, purpose)).orElse(false);
	}

	/** The object identifier of the {@code serialNumber} attribute. */
	private static final String SERIAL_NUMBER = "2.5.4.5";

	public static Partners from(PartnerSettings settings) {
		List<Partner> partners = settings.systemsOrEmpty()
			.entrySet()
			.stream()
			.map((entry) -> toPartner(entry.getKey(), entry.getValue()))
			.toList();
		return new Partners(partners);
	}

	private static Partner toPartner(String id, PartnerSettings.System system) {
		if (!id.matches("[a-z0-9][a-z0-9-]{1,62}")) {
			throw new PartnerRegistryInvalid(id, "an id is lower-case letters, digits and dashes");
		}
		if (system.organisation() == null || system.organisation().isBlank()) {
			throw new PartnerRegistryInvalid(id, "it names no organisation");
		}
		if (system.pull() == (system.endpoint() != null)) {
			throw new PartnerRegistryInvalid(id, "give either a delivery endpoint or pull: true");
		}
		if (system.adapter() != null && !NativeFormats.codes().contains(system.adapter())) {
			throw new PartnerRegistryInvalid(id, "adapter '" + system.adapter() + "' is none of the formats "
					+ new java.util.TreeSet<>(NativeFormats.codes()));
		}
		Delivery delivery = system.pull() ? Delivery.pull() : Delivery.push(system.endpoint());
		Set<Permission> sends = permissions(id, system.sends());
		Set<Permission> receives = permissions(id, system.receives());
		if (system.kind() == PartnerKind.LANGUAGE_PROVIDER && receives.stream()
			.anyMatch((permission) -> permission.documentType().equals(DocumentType.of("trajectory-plan")))) {
			// The trajectory plan records benefit deductions and is meant for social
			// guidance only: a language provider never receives it, whatever is
			// configured.
			throw new PartnerRegistryInvalid(id, "a language provider never receives the trajectory plan");
		}
		return new Partner(id, system.organisation(), system.displayName(), system.kind(), delivery, system.adapter(),
				system.active(), sends, receives, certificateSubject(id, system));
	}

	/**
	 * The subject DN in the one form Spring Authorization Server compares
	 * ({@link X500Principal#getName()}, RFC 2253), so that spacing and attribute names in
	 * {@code partners.yaml} do not matter; with an OIN, the subject must carry it in
	 * {@code serialNumber} (as PKIoverheid organisation certificates do).
	 */
	static @Nullable String certificateSubject(String id, PartnerSettings.System system) {
		String subject = system.certificateSubject();
		if (subject == null || subject.isBlank()) {
			if (system.oin() != null) {
				throw new PartnerRegistryInvalid(id, "an oin needs the certificate-subject it is part of");
			}
			return null;
		}
		X500Principal principal;
		try {
			principal = new X500Principal(subject);
		}
		catch (IllegalArgumentException ex) {
			throw new PartnerRegistryInvalid(id, "certificate-subject is not a distinguished name");
		}
		if (system.oin() != null) {
			if (!system.oin().matches("[0-9]{20}")) {
				throw new PartnerRegistryInvalid(id, "an oin is 20 digits");
			}
			if (!system.oin().equals(serialNumber(principal))) {
				throw new PartnerRegistryInvalid(id,
						"certificate-subject must carry the oin as SERIALNUMBER=" + system.oin());
			}
		}
		return principal.getName();
	}

	private static @Nullable String serialNumber(X500Principal principal) {
		try {
			for (Rdn rdn : new LdapName(principal.getName(X500Principal.RFC2253, Map.of(SERIAL_NUMBER, "SERIALNUMBER")))
				.getRdns()) {
				if ("SERIALNUMBER".equalsIgnoreCase(rdn.getType())) {
					return String.valueOf(rdn.getValue());
				}
			}
			return null;
		}
		catch (InvalidNameException ex) {
			return null;
		}
	}

	private static Set<Permission> permissions(String id, @Nullable Map<String, List<String>> byType) {
		Set<Permission> permissions = new LinkedHashSet<>();
		if (byType == null) {
			return permissions;
		}
		byType.forEach((code, purposes) -> {
			DocumentType type = DocumentType.fromCode(code)
				.orElseThrow(() -> new PartnerRegistryInvalid(id, "unknown document type '" + code + "'"));
			purposes.forEach((purpose) -> permissions.add(new Permission(type, purpose)));
		});
		return permissions;
	}

}
