package nl.ketenpoort.gateway.identity;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A test CA with a server certificate for loopback, partner client certificates and a
 * revocation list, generated with Bouncy Castle into a directory, for the shared
 * gateway's mutual-TLS port.
 */
public final class TestCertificates {

	/** The password of every store here. */
	public static final String PASSWORD = "changeit";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Path directory;

	private final KeyPair caKeys;

	private final X509Certificate ca;

	private final Map<String, KeyStore> clients = new LinkedHashMap<>();

	private final Map<String, X509Certificate> clientCertificates = new LinkedHashMap<>();

	private TestCertificates(Path directory, String caSubject) throws GeneralSecurityException, IOException {
		this.directory = Files.createDirectories(directory);
		this.caKeys = keyPair();
		this.ca = certificate(new X500Principal(caSubject), this.caKeys, new X500Principal(caSubject), this.caKeys,
				true, null);
		KeyStore trust = KeyStore.getInstance("PKCS12");
		trust.load(null, null);
		trust.setCertificateEntry("ca", this.ca);
		store(trust, trustStore());
	}

	/** A CA, its trust store and a server certificate for 127.0.0.1 and localhost. */
	public static TestCertificates create(Path directory) {
		return create(directory, "CN=Ketenpoort test CA,O=Ketenpoort tests,C=NL", true);
	}

	/** As {@link #create(Path)}, with a CA of this subject and an EC server key. */
	public static TestCertificates create(Path directory, String caSubject) {
		return create(directory, caSubject, false);
	}

	private static TestCertificates create(Path directory, String caSubject, boolean rsaServer) {
		try {
			TestCertificates certificates = new TestCertificates(directory, caSubject);
			// RSA, so that a handshake offering only static RSA key exchange could be
			// served by the key, and fails on the configured suites alone.
			KeyPair server = keyPair();
			if (rsaServer) {
				KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
				rsa.initialize(2048, RANDOM);
				server = rsa.generateKeyPair();
			}
			X509Certificate serverCertificate = certificates.certificate(new X500Principal("CN=127.0.0.1"), server,
					certificates.ca.getSubjectX500Principal(), certificates.caKeys, false,
					new GeneralNames(new GeneralName[] { new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
							new GeneralName(GeneralName.dNSName, "localhost") }));
			store(keyStore(server, serverCertificate, certificates.ca), certificates.keyStore());
			certificates.crl();
			return certificates;
		}
		catch (GeneralSecurityException | IOException | OperatorCreationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Issues a client certificate of this subject under the name {@code name}. */
	public TestCertificates client(String name, String subject) {
		try {
			KeyPair keys = keyPair();
			X509Certificate certificate = certificate(new X500Principal(subject), keys,
					this.ca.getSubjectX500Principal(), this.caKeys, false, null);
			this.clients.put(name, keyStore(keys, certificate, this.ca));
			this.clientCertificates.put(name, certificate);
			return this;
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Puts these clients' certificates on the CRL (rewritten now). */
	public TestCertificates revoke(String... names) {
		try {
			crl(names);
			return this;
		}
		catch (GeneralSecurityException | IOException | OperatorCreationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public Path trustStore() {
		return this.directory.resolve("trust.p12");
	}

	public Path keyStore() {
		return this.directory.resolve("server.p12");
	}

	public Path crlFile() {
		return this.directory.resolve("crl.pem");
	}

	public X509Certificate certificate(String name) {
		return this.clientCertificates.get(name);
	}

	public X509Certificate caCertificate() {
		return this.ca;
	}

	/**
	 * A TLS context that presents this client's certificate and trusts the test CA;
	 * {@code null} for no client certificate.
	 */
	public SSLContext sslContext(String name) {
		try {
			TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			KeyStore trusted = KeyStore.getInstance("PKCS12");
			trusted.load(null, null);
			trusted.setCertificateEntry("ca", this.ca);
			trust.init(trusted);
			KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			KeyStore client = (name != null) ? this.clients.get(name) : null;
			if (client == null && name != null) {
				throw new IllegalArgumentException("No client certificate " + name);
			}
			keys.init(client, PASSWORD.toCharArray());
			SSLContext context = SSLContext.getInstance("TLS");
			context.init((client != null) ? keys.getKeyManagers() : null, trust.getTrustManagers(), RANDOM);
			return context;
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void crl(String... revoked) throws GeneralSecurityException, IOException, OperatorCreationException {
		Instant now = Instant.now();
		JcaX509v2CRLBuilder builder = new JcaX509v2CRLBuilder(this.ca, Date.from(now.minusSeconds(60)));
		builder.setNextUpdate(Date.from(now.plus(Duration.ofDays(7))));
		for (String name : revoked) {
			builder.addCRLEntry(this.clientCertificates.get(name).getSerialNumber(), Date.from(now.minusSeconds(30)),
					CRLReason.keyCompromise);
		}
		ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(this.caKeys.getPrivate());
		java.security.cert.X509CRL crl = new JcaX509CRLConverter().getCRL(builder.build(signer));
		try (Writer out = Files.newBufferedWriter(crlFile(), StandardCharsets.US_ASCII);
				JcaPEMWriter pem = new JcaPEMWriter(out)) {
			pem.writeObject(crl);
		}
	}

	private X509Certificate certificate(X500Principal subject, KeyPair subjectKeys, X500Principal issuer,
			KeyPair issuerKeys, boolean ca, GeneralNames alternativeNames) throws GeneralSecurityException {
		try {
			Instant now = Instant.now();
			X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
					new BigInteger(64, RANDOM).abs().add(BigInteger.ONE), Date.from(now.minus(Duration.ofMinutes(5))),
					Date.from(now.plus(Duration.ofDays(20))), subject, subjectKeys.getPublic());
			JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
			builder.addExtension(Extension.subjectKeyIdentifier, false,
					extensions.createSubjectKeyIdentifier(subjectKeys.getPublic()));
			builder.addExtension(Extension.authorityKeyIdentifier, false,
					extensions.createAuthorityKeyIdentifier(issuerKeys.getPublic()));
			if (ca) {
				builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
				builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
			}
			else {
				builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
				builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
				builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
						new KeyPurposeId[] { KeyPurposeId.id_kp_clientAuth, KeyPurposeId.id_kp_serverAuth }));
			}
			if (alternativeNames != null) {
				builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames);
			}
			ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate());
			return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
		}
		catch (OperatorCreationException | IOException ex) {
			throw new GeneralSecurityException(ex);
		}
	}

	private static KeyStore keyStore(KeyPair keys, X509Certificate certificate, X509Certificate ca)
			throws GeneralSecurityException, IOException {
		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(null, null);
		store.setKeyEntry("key", keys.getPrivate(), PASSWORD.toCharArray(), new Certificate[] { certificate, ca });
		return store;
	}

	private static void store(KeyStore store, Path file) {
		try (OutputStream out = Files.newOutputStream(file)) {
			store.store(out, PASSWORD.toCharArray());
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new UncheckedIOException(new IOException(ex));
		}
	}

	private static KeyPair keyPair() throws GeneralSecurityException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
		return generator.generateKeyPair();
	}

}
