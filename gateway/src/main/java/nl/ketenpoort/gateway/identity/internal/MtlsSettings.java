package nl.ketenpoort.gateway.identity.internal;

import java.net.URI;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The HTTPS port with client certificates (RFC 8705 {@code tls_client_auth}); off unless
 * a port is given.
 *
 * @param port the port of the mutual-TLS connector ({@code KETENPOORT_MTLS_PORT}); null
 * switches mutual TLS off
 * @param keyStore the gateway's own server certificate and key for that port
 * @param keyStorePassword its password (also of the key)
 * @param keyStoreType {@code PKCS12} or {@code JKS}
 * @param trustStore the CA certificates whose client certificates are accepted; required
 * under {@code prod}, where a demo CA in it stops start-up
 * @param trustStorePassword its password
 * @param trustStoreType {@code PKCS12} or {@code JKS}
 * @param crl a file of certificate revocation lists (PEM or DER) of those CAs; a client
 * certificate on it is refused at the handshake
 * @param publicUrl the address partners reach this port at, for
 * {@code mtls_endpoint_aliases} in the discovery documents; by default the issuer's host
 * with {@code https} and this port
 */
@ConfigurationProperties("ketenpoort.identity.mtls")
record MtlsSettings(@Nullable Integer port, @Nullable Path keyStore, @Nullable String keyStorePassword,
		@DefaultValue("PKCS12") String keyStoreType, @Nullable Path trustStore, @Nullable String trustStorePassword,
		@DefaultValue("PKCS12") String trustStoreType, @Nullable Path crl, @Nullable URI publicUrl) {

	MtlsSettings {
		if (port != null && (port < 1 || port > 65535)) {
			throw new IdentitySettingsInvalid("ketenpoort.identity.mtls.port must be a TCP port (1-65535)");
		}
	}

	/** Whether the mutual-TLS port is on. */
	boolean enabled() {
		return this.port != null;
	}

	/** Off: what the gateway runs with when nothing is configured. */
	static MtlsSettings off() {
		return new MtlsSettings(null, null, null, "PKCS12", null, null, "PKCS12", null, null);
	}

}
