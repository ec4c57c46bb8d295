package nl.ketenpoort.gateway.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.security.auth.x500.X500Principal;

import nl.ketenpoort.gateway.partner.Partner;
import nl.ketenpoort.gateway.partner.Partners;
import nl.ketenpoort.gateway.system.KetenpoortSettings;
import org.bouncycastle.asn1.x509.BasicConstraints;
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
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import nl.ketenpoort.gateway.identity.internal.DemoMtlsStores;
import nl.ketenpoort.gateway.identity.internal.MtlsStores;

/**
 * Demo profile only: a development CA ({@code O=Ketenpoort demo CA}, which the
 * {@code prod} profile refuses), the gateway's server certificate for the mutual-TLS port
 * and a client certificate for every partner that has a certificate subject, made at the
 * first start into {@code $KETENPOORT_DATA_DIR/keys/mtls/} (owner only) and read from
 * there afterwards. Each partner gets {@code partners/<id>.p12} and, for
 * {@code curl --cert}, {@code partners/<id>.pem} with its key; the stores' password is in
 * {@code password}. The revocation list ({@code crl.pem}, empty) is signed anew at every
 * start so that it stays current.
 */
@Component
@Profile("demo")
class DemoCertificateAuthority implements DemoMtlsStores {

	private static final Logger log = LoggerFactory.getLogger(DemoCertificateAuthority.class);

	private static final String CA_SUBJECT = "CN=Ketenpoort demo CA,O=" + MtlsStores.DEMO_CA_ORGANISATION + ",C=NL";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Path directory;

	private final Partners partners;

	DemoCertificateAuthority(KetenpoortSettings settings, Partners partners) {
		this.directory = settings.dataDir().resolve("keys").resolve("mtls");
		this.partners = partners;
	}

	@Override
	public MtlsStores stores() {
		try {
			Files.createDirectories(this.directory.resolve("partners"));
			String password = password();
			KeyStore caStore = keyStore(this.directory.resolve("ca.p12"), password, () -> {
				KeyPair keys = ecKeys();
				X500Principal name = new X500Principal(CA_SUBJECT);
				return new Issued(keys, certificate(name, keys.getPublic(), name, keys.getPrivate(), true, null,
						Duration.ofDays(3650)));
			});
			PrivateKey caKey = (PrivateKey) caStore.getKey("key", password.toCharArray());
			X509Certificate ca = (X509Certificate) caStore.getCertificate("key");
			KeyStore server = keyStore(this.directory.resolve("server.p12"), password, () -> {
				KeyPair keys = ecKeys();
				return new Issued(keys,
						certificate(new X500Principal("CN=localhost,O=Ketenpoort demo gateway,C=NL"), keys.getPublic(),
								ca.getSubjectX500Principal(), caKey, false,
								new GeneralNames(new GeneralName[] { new GeneralName(GeneralName.dNSName, "localhost"),
										new GeneralName(GeneralName.iPAddress, "127.0.0.1") }),
								Duration.ofDays(825)));
			}, ca);
			Map<String, String> made = new LinkedHashMap<>();
			for (Partner partner : this.partners.all()) {
				if (partner.certificateSubject() != null) {
					Path file = this.directory.resolve("partners").resolve(partner.id() + ".p12");
					keyStore(file, password, () -> {
						KeyPair keys = ecKeys();
						Issued issued = new Issued(keys,
								certificate(new X500Principal(partner.certificateSubject()), keys.getPublic(),
										ca.getSubjectX500Principal(), caKey, false, null, Duration.ofDays(365)));
						writePem(this.directory.resolve("partners").resolve(partner.id() + ".pem"),
								issued.certificate(), keys.getPrivate());
						made.put(partner.id(), partner.certificateSubject());
						return issued;
					}, ca);
				}
			}
			KeyStore trust = KeyStore.getInstance("PKCS12");
			trust.load(null, null);
			trust.setCertificateEntry("ketenpoort-demo-ca", ca);
			writePem(this.directory.resolve("ca.pem"), ca, null);
			Path crl = this.directory.resolve("crl.pem");
			writeCrl(crl, ca, caKey);
			made.forEach((id, subject) -> log.info("Demo client certificate of {}: {}", id, subject));
			log.info("Demo CA, server and partner certificates for the mutual-TLS port are in {}", this.directory);
			return new MtlsStores(server, password, trust, crl);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not prepare the demo certificates in " + this.directory, ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not prepare the demo certificates in " + this.directory, ex);
		}
	}

	private String password() throws IOException {
		Path file = this.directory.resolve("password");
		if (Files.isRegularFile(file)) {
			return Files.readString(file, StandardCharsets.US_ASCII).strip();
		}
		byte[] bytes = new byte[18];
		RANDOM.nextBytes(bytes);
		String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		write(file, password.getBytes(StandardCharsets.US_ASCII));
		return password;
	}

	/** The key store in this file, or a new one with what {@code issue} makes. */
	private KeyStore keyStore(Path file, String password, Issuer issue, X509Certificate... chain)
			throws IOException, GeneralSecurityException {
		KeyStore store = KeyStore.getInstance("PKCS12");
		if (Files.isRegularFile(file)) {
			try (InputStream in = Files.newInputStream(file)) {
				store.load(in, password.toCharArray());
			}
			return store;
		}
		Issued issued = issue.issue();
		Certificate[] certificates = new Certificate[chain.length + 1];
		certificates[0] = issued.certificate();
		System.arraycopy(chain, 0, certificates, 1, chain.length);
		store.load(null, null);
		store.setKeyEntry("key", issued.keys().getPrivate(), password.toCharArray(), certificates);
		try (OutputStream out = new java.io.ByteArrayOutputStream()) {
			java.io.ByteArrayOutputStream bytes = (java.io.ByteArrayOutputStream) out;
			store.store(bytes, password.toCharArray());
			write(file, bytes.toByteArray());
		}
		return store;
	}

	private static X509Certificate certificate(X500Principal subject, java.security.PublicKey subjectKey,
			X500Principal issuer, PrivateKey issuerKey, boolean ca, @Nullable GeneralNames alternativeNames,
			Duration validity) throws GeneralSecurityException {
		try {
			Instant now = Instant.now();
			X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
					new BigInteger(64, RANDOM).add(BigInteger.ONE), Date.from(now.minus(Duration.ofMinutes(5))),
					Date.from(now.plus(validity)), subject, subjectKey);
			JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
			builder.addExtension(Extension.subjectKeyIdentifier, false,
					extensions.createSubjectKeyIdentifier(subjectKey));
			if (ca) {
				builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
				builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
			}
			else {
				builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
				builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
				builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
						(alternativeNames != null) ? KeyPurposeId.id_kp_serverAuth : KeyPurposeId.id_kp_clientAuth));
			}
			if (alternativeNames != null) {
				builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames);
			}
			return new JcaX509CertificateConverter()
				.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
		}
		catch (OperatorCreationException | IOException ex) {
			throw new GeneralSecurityException(ex);
		}
	}

	private void writeCrl(Path file, X509Certificate ca, PrivateKey caKey)
			throws IOException, GeneralSecurityException {
		Instant now = Instant.now();
		JcaX509v2CRLBuilder builder = new JcaX509v2CRLBuilder(ca, Date.from(now.minusSeconds(60)));
		builder.setNextUpdate(Date.from(now.plus(Duration.ofDays(30))));
		try {
			java.security.cert.X509CRL crl = new JcaX509CRLConverter()
				.getCRL(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKey)));
			StringWriter pem = new StringWriter();
			try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
				writer.writeObject(crl);
			}
			write(file, pem.toString().getBytes(StandardCharsets.US_ASCII));
		}
		catch (OperatorCreationException ex) {
			throw new GeneralSecurityException(ex);
		}
	}

	private static void writePem(Path file, X509Certificate certificate, @Nullable PrivateKey key) throws IOException {
		StringWriter pem = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
			writer.writeObject(certificate);
			if (key != null) {
				// PKCS#8 ("PRIVATE KEY"), which curl and openssl read as they are.
				writer.writeObject(new JcaPKCS8Generator(key, null));
			}
		}
		write(file, pem.toString().getBytes(StandardCharsets.US_ASCII));
	}

	/**
	 * Writes owner-only, through a temporary file, so that a crash leaves no half file.
	 */
	private static void write(Path file, byte[] content) throws IOException {
		Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
		Files.deleteIfExists(temporary);
		Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		Files.write(temporary, content);
		Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	private static KeyPair ecKeys() throws GeneralSecurityException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
		return generator.generateKeyPair();
	}

	private record Issued(KeyPair keys, X509Certificate certificate) {
	}

	@FunctionalInterface
	private interface Issuer {

		Issued issue() throws GeneralSecurityException, IOException;

	}

}
