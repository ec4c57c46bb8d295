package nl.ketenpoort.gateway.partner.internal;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The partner registry as configured ({@code partners.yaml}): adding a partner system is
 * an entry here plus its public key, no code.
 *
 * @param systems the partner systems by id (the id is also the OAuth2 client id)
 */
@ConfigurationProperties("ketenpoort.partners")
public record PartnerSettings(@Nullable Map<String, System> systems) {

	public Map<String, System> systemsOrEmpty() {
		return (this.systems != null) ? this.systems : Map.of();
	}

	/**
	 * One partner system.
	 *
	 * @param organisation organisation code, such as {@code coa}
	 * @param displayName name to show people
	 * @param kind the role it plays in the chain
	 * @param adapter the adapter that maps its native format
	 * @param endpoint where documents are pushed; leave out for pull delivery
	 * @param pull whether the partner collects its documents from the inbox
	 * @param active whether it may authenticate and exchange now
	 * @param sends document type code to the purposes it may send it for
	 * @param receives document type code to the purposes it may receive it for
	 * @param certificateSubject the subject DN of its TLS client certificate (RFC 2253,
	 * as {@code openssl x509 -noout -subject -nameopt RFC2253} prints it); leave out when
	 * it authenticates with {@code private_key_jwt} only
	 * @param oin the Dutch organisation identification number (20 digits) that its
	 * certificate carries in {@code serialNumber}; checked against the subject
	 */
	public record System(String organisation, String displayName, PartnerKind kind, String adapter,
			@Nullable URI endpoint, @DefaultValue("false") boolean pull, @DefaultValue("true") boolean active,
			@Nullable Map<String, List<String>> sends, @Nullable Map<String, List<String>> receives,
			@Nullable String certificateSubject, @Nullable String oin) {

	}

}
