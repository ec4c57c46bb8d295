package nl.ketenpoort.gateway.identity.internal;

import java.util.List;

import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;

/**
 * Adds the mutual-TLS port to Tomcat, next to the plain one: a client certificate is
 * required at the handshake and checked against the trust store (PKIX, with the
 * revocation list when one is configured), TLS 1.2 and 1.3 only, forward-secret cipher
 * suites only.
 */
class MtlsConnector implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

	/** TLS versions the port speaks; anything older fails the handshake. */
	static final String PROTOCOLS = "TLSv1.3,TLSv1.2";

	/**
	 * TLS 1.3 suites (always forward secret) and TLS 1.2 suites with ephemeral ECDH and
	 * an AEAD cipher, for ECDSA and RSA server keys; no static RSA key exchange, no CBC.
	 */
	static final List<String> CIPHER_SUITES = List.of("TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256",
			"TLS_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
			"TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
			"TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
			"TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

	private static final Logger log = LoggerFactory.getLogger(MtlsConnector.class);

	private final int port;

	private final MtlsStores stores;

	MtlsConnector(int port, MtlsStores stores) {
		this.port = port;
		this.stores = stores;
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addAdditionalConnectors(connector());
		log.info("Mutual TLS on port {} (client certificates required{})", this.port,
				(this.stores.crl() != null) ? ", revocation list " + this.stores.crl() : "");
	}

	Connector connector() {
		Connector connector = new Connector(Http11NioProtocol.class.getName());
		connector.setPort(this.port);
		connector.setScheme("https");
		connector.setSecure(true);
		Http11NioProtocol protocol = (Http11NioProtocol) connector.getProtocolHandler();
		protocol.setSSLEnabled(true);
		SSLHostConfig tls = new SSLHostConfig();
		tls.setProtocols(PROTOCOLS);
		tls.setCiphers(String.join(",", CIPHER_SUITES));
		tls.setHonorCipherOrder(true);
		tls.setCertificateVerification("required");
		tls.setTrustStore(this.stores.trustStore());
		// Tomcat builds the JDK's PKIX trust manager with PKIXBuilderParameters and a
		// CertStore of these CRLs (revocation checking on): a revoked certificate fails
		// the handshake, and so does one whose CA has no current CRL in the file.
		if (this.stores.crl() != null) {
			tls.setCertificateRevocationListFile(this.stores.crl().toAbsolutePath().toString());
		}
		SSLHostConfigCertificate certificate = new SSLHostConfigCertificate(tls,
				SSLHostConfigCertificate.Type.UNDEFINED);
		certificate.setCertificateKeystore(this.stores.keyStore());
		certificate.setCertificateKeystorePassword(this.stores.keyPassword());
		certificate.setCertificateKeyPassword(this.stores.keyPassword());
		tls.addCertificate(certificate);
		protocol.addSslHostConfig(tls);
		return connector;
	}

}
