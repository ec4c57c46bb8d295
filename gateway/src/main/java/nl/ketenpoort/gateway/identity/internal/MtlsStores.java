package nl.ketenpoort.gateway.identity.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

import org.jspecify.annotations.Nullable;

/**
 * What the mutual-TLS port needs: the gateway's server certificate, the CAs whose client
 * certificates it accepts, and the revocation list of those CAs.
 *
 * @param keyStore the server certificate with its key
 * @param keyPassword the password of the key store and the key
 * @param trustStore the accepted CA certificates
 * @param crl the certificate revocation list file, or null
 */
public record MtlsStores(KeyStore keyStore, String keyPassword, KeyStore trustStore, @Nullable Path crl) {

	/**
	 * The organisation ({@code O}) that marks a certificate of the demo profile's
	 * generated CA, which production never trusts.
	 */
	public static final String DEMO_CA_ORGANISATION = "Ketenpoort demo CA";

	/** The stores the operator configured. */
	static MtlsStores configured(MtlsSettings settings) {
		if (settings.keyStore() == null || settings.trustStore() == null) {
			throw new IdentitySettingsInvalid("With ketenpoort.identity.mtls.port (KETENPOORT_MTLS_PORT) set, "
					+ "ketenpoort.identity.mtls.key-store and ketenpoort.identity.mtls.trust-store are required");
		}
		String keyPassword = (settings.keyStorePassword() != null) ? settings.keyStorePassword() : "";
		KeyStore keys = load("key-store", settings.keyStore(), settings.keyStoreType(), keyPassword);
		KeyStore trusted = load("trust-store", settings.trustStore(), settings.trustStoreType(),
				settings.trustStorePassword());
		if (settings.crl() != null && !Files.isReadable(settings.crl())) {
			throw new IdentitySettingsInvalid("ketenpoort.identity.mtls.crl cannot be read: " + settings.crl());
		}
		return new MtlsStores(keys, keyPassword, trusted, settings.crl());
	}

	/**
	 * Refuses, under {@code prod}, a trust store with a certificate of the demo CA: its
	 * key lies in a data directory, so anyone with a copy could mint partner
	 * certificates.
	 */
	public static void refuseDemoCaUnderProd(KeyStore trustStore, boolean prod) {
		if (!prod) {
			return;
		}
		try {
			for (String alias : Collections.list(trustStore.aliases())) {
				Certificate certificate = trustStore.getCertificate(alias);
				if (certificate instanceof X509Certificate x509
						&& (isDemoCa(x509.getSubjectX500Principal()) || isDemoCa(x509.getIssuerX500Principal()))) {
					throw new IdentitySettingsInvalid("ketenpoort.identity.mtls.trust-store holds the demo CA ('"
							+ alias + "', O=" + DEMO_CA_ORGANISATION + "), which the prod profile never trusts: "
							+ "configure the CAs of the partners' organisation certificates");
				}
			}
		}
		catch (KeyStoreException ex) {
			throw new IdentitySettingsInvalid("ketenpoort.identity.mtls.trust-store cannot be read", ex);
		}
	}

	public static boolean isDemoCa(X500Principal name) {
		try {
			for (Rdn rdn : new LdapName(name.getName(X500Principal.RFC2253)).getRdns()) {
				if ("O".equalsIgnoreCase(rdn.getType())
						&& DEMO_CA_ORGANISATION.equals(String.valueOf(rdn.getValue()))) {
					return true;
				}
			}
			return false;
		}
		catch (InvalidNameException ex) {
			return false;
		}
	}

	private static KeyStore load(String setting, Path file, String type, @Nullable String password) {
		try (InputStream in = Files.newInputStream(file)) {
			KeyStore store = KeyStore.getInstance(type);
			store.load(in, (password != null) ? password.toCharArray() : null);
			return store;
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IdentitySettingsInvalid("ketenpoort.identity.mtls." + setting + " cannot be read (" + file + "): "
					+ ex.getClass().getSimpleName(), ex);
		}
	}

}
