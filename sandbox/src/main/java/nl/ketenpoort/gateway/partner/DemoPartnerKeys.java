package nl.ketenpoort.gateway.partner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.ketenpoort.gateway.system.KetenpoortSettings;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import nl.ketenpoort.gateway.partner.internal.PartnerKeyRejected;

/**
 * Demo profile only: gives every sandbox partner an EC P-256 key pair on first start,
 * writes the private JWK to {@code $KETENPOORT_DATA_DIR/keys/partners/<id>.jwk} (owner
 * only) and registers the public part, so that the sandbox partners can obtain tokens.
 */
@Component
@Profile("demo")
@Order(Ordered.HIGHEST_PRECEDENCE)
class DemoPartnerKeys implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoPartnerKeys.class);

	private final Partners partners;

	private final PartnerKeys keys;

	private final Path directory;

	DemoPartnerKeys(Partners partners, PartnerKeys keys, KetenpoortSettings settings) {
		this.partners = partners;
		this.keys = keys;
		this.directory = settings.dataDir().resolve("keys").resolve("partners");
	}

	@Override
	public void run(ApplicationArguments args) {
		for (Partner partner : this.partners.all()) {
			if (partner.active()) {
				this.keys.register(partner.id(), keyOf(partner.id()).toPublicJWK());
			}
		}
		log.info("Demo partner keys are in {}", this.directory);
	}

	/** The partner's private demo key: read when present, otherwise made and written. */
	JWK keyOf(String partnerId) {
		Path file = this.directory.resolve(partnerId + ".jwk");
		try {
			if (Files.isRegularFile(file)) {
				return PartnerKeys.parse(Files.readString(file, StandardCharsets.UTF_8));
			}
			ECKey key = new ECKeyGenerator(Curve.P_256).keyID(partnerId + "-" + UUID.randomUUID())
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.ES256)
				.generate();
			Files.createDirectories(this.directory);
			Path temporary = this.directory.resolve(partnerId + ".jwk.tmp");
			Files.deleteIfExists(temporary);
			Files.createFile(temporary,
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			Files.writeString(temporary, key.toJSONString(), StandardCharsets.UTF_8, StandardOpenOption.WRITE);
			Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
			return key;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not prepare the demo key of a partner in " + this.directory, ex);
		}
		catch (JOSEException ex) {
			throw new PartnerKeyRejected("a demo key could not be generated");
		}
	}

}
