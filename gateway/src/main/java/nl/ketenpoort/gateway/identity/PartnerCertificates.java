package nl.ketenpoort.gateway.identity;

import java.security.cert.X509Certificate;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.X509ClientCertificateAuthenticationProvider;
import nl.ketenpoort.gateway.identity.internal.CertificateBinding;

/**
 * The client certificates partners authenticated with ({@code tls_client_auth}), kept so
 * that the operator page can warn about those that expire soon; a renewed certificate
 * replaces the old one in the warnings once the partner uses it.
 */
public class PartnerCertificates {

	/** How far ahead the operator page warns. */
	public static final Duration WARN_AHEAD = Duration.ofDays(30);

	private static final Logger log = LoggerFactory.getLogger(PartnerCertificates.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	public PartnerCertificates(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * A partner's certificate that expires within {@link #WARN_AHEAD} (or has expired),
	 * and that no newer certificate of the same partner has replaced.
	 *
	 * @param partner the partner id
	 * @param subject the certificate's subject DN
	 * @param notAfter when it expires
	 * @param lastSeen when the partner last authenticated with it
	 */
	public record Expiring(String partner, String subject, Instant notAfter, Instant lastSeen) {
	}

	/** The certificates to warn about, soonest first. */
	public List<Expiring> expiringSoon() {
		Instant now = this.clock.instant();
		return this.jdbc.sql("""
				SELECT c.partner_id, c.subject, c.not_after, c.last_seen_at FROM partner_certificate c
				WHERE c.not_after < :until
				AND NOT EXISTS (SELECT 1 FROM partner_certificate newer WHERE newer.partner_id = c.partner_id
				    AND newer.not_after >= :until AND newer.last_seen_at >= c.last_seen_at)
				ORDER BY c.not_after, c.partner_id""")
			.param("until", Timestamp.from(now.plus(WARN_AHEAD)))
			.query((row, number) -> new Expiring(row.getString(1), row.getString(2), row.getTimestamp(3).toInstant(),
					row.getTimestamp(4).toInstant()))
			.list();
	}

	/** Records the certificate a partner just authenticated with. */
	void seen(String partnerId, X509Certificate certificate) {
		try {
			this.jdbc.sql("""
					INSERT INTO partner_certificate (partner_id, thumbprint, subject, not_after, last_seen_at)
					VALUES (:partner, :thumbprint, :subject, :notAfter, :now)
					ON CONFLICT (partner_id, thumbprint) DO UPDATE SET last_seen_at = :now""")
				.param("partner", partnerId)
				.param("thumbprint", CertificateBinding.thumbprint(certificate))
				.param("subject", certificate.getSubjectX500Principal().getName())
				.param("notAfter", Timestamp.from(certificate.getNotAfter().toInstant()))
				.param("now", Timestamp.from(this.clock.instant()))
				.update();
		}
		catch (RuntimeException ex) {
			// A token is not refused because its warning could not be recorded.
			log.warn("Could not record the client certificate of partner {}: {}", partnerId,
					ex.getClass().getSimpleName());
		}
	}

	/**
	 * Wraps Spring Authorization Server's {@code tls_client_auth} check so that each
	 * certificate it accepts is recorded; other providers are returned as they are.
	 */
	public AuthenticationProvider watch(AuthenticationProvider provider) {
		if (!(provider instanceof X509ClientCertificateAuthenticationProvider)) {
			return provider;
		}
		return new AuthenticationProvider() {

			@Override
			public Authentication authenticate(Authentication authentication) throws AuthenticationException {
				Authentication result = provider.authenticate(authentication);
				if (result instanceof OAuth2ClientAuthenticationToken client && client.getRegisteredClient() != null
						&& client.getCredentials() instanceof X509Certificate[] chain && chain.length > 0) {
					seen(client.getRegisteredClient().getClientId(), chain[0]);
				}
				return result;
			}

			@Override
			public boolean supports(Class<?> authentication) {
				return provider.supports(authentication);
			}

		};
	}

}
